package org.broadsheet.web;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * The few facts about a request that counting a read needs, whether the request reached a Javalin handler
 * or was answered from the page cache before Javalin ran.
 */
public interface RequestFacts {

    String method();

    /** A request header, or null. */
    String header(String name);

    /** The address of the connection's peer (a proxy, behind one). */
    String remoteAddress();

    static RequestFacts of(Context ctx) {
        return new RequestFacts() {
            @Override
            public String method() {
                return ctx.method().name();
            }

            @Override
            public String header(String name) {
                return ctx.header(name);
            }

            @Override
            public String remoteAddress() {
                return ctx.req().getRemoteAddr();
            }
        };
    }

    /** The same facts of a request that Jetty has not yet handed to Javalin. */
    static RequestFacts of(Request request) {
        return new RequestFacts() {
            @Override
            public String method() {
                return request.getMethod();
            }

            @Override
            public String header(String name) {
                HttpField field = request.getHeaders().getField(name);
                return field == null ? null : field.getValue();
            }

            @Override
            public String remoteAddress() {
                return Request.getRemoteAddr(request);
            }
        };
    }
}

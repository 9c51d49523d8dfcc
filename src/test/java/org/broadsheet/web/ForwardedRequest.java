package org.broadsheet.web;

/** The facts of a GET from {@code remote} carrying this {@code X-Forwarded-For} (null: none), for address tests. */
public record ForwardedRequest(String remote, String forwardedFor) implements RequestFacts {

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String header(String name) {
        return "X-Forwarded-For".equals(name) ? forwardedFor : null;
    }

    @Override
    public String remoteAddress() {
        return remote;
    }
}

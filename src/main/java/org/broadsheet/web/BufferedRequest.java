package org.broadsheet.web;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.nio.ByteBuffer;

/** A request whose body {@link BodyBuffering} has read: the handlers read it again from memory. */
final class BufferedRequest extends Request.Wrapper {
    private final Content.Source body;

    BufferedRequest(Request wrapped, ByteBuffer bytes) {
        super(wrapped);
        this.body = Content.Source.from(bytes);
    }

    @Override
    public long getLength() {
        return body.getLength();
    }

    @Override
    public Content.Chunk read() {
        return body.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
        body.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
        body.fail(failure);
    }

    @Override
    public boolean consumeAvailable() {
        while (true) {
            Content.Chunk chunk = body.read();
            if (chunk == null || chunk.isLast()) {
                return super.consumeAvailable();
            }
            chunk.release();
        }
    }
}

package org.broadsheet.newsroom;

import org.broadsheet.StaffClient;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A {@code multipart/form-data} body as a browser sends the editor's form: text fields, then at most one file. */
final class MultipartBody {

    private final String boundary = "----broadsheet" + System.nanoTime();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    MultipartBody fields(Map<String, String> fields) {
        fields.forEach((k, v) -> text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
        return this;
    }

    /** A file part with exactly this file name and declared type (both may lie). */
    MultipartBody file(String field, String fileName, String contentType, byte[] content) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        text("\r\n");
        return this;
    }

    /** Posts the body, closed with the final boundary, as the signed-in client, from the site's own origin. */
    HttpResponse<String> post(StaffClient staff, String path) {
        text("--" + boundary + "--\r\n");
        return staff.send(HttpRequest.newBuilder(URI.create(staff.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", staff.base())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private void text(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}

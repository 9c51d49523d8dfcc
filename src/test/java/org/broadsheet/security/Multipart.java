package org.broadsheet.security;

import org.broadsheet.StaffClient;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A hand-built multipart/form-data POST, so a test controls every byte an attacker could (file name, part content type). */
final class Multipart {

    private Multipart() {
    }

    static HttpResponse<String> post(StaffClient staff, String path, Map<String, String> fields, String fileField, String fileName,
                                     String contentType, byte[] file) {
        String boundary = "----broadsheet" + System.nanoTime();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", staff.csrf());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        all.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return staff.send(HttpRequest.newBuilder(URI.create(staff.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", staff.base())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}

package io.edihub.desk;

import io.edihub.intake.InputContents;
import io.edihub.outbound.OutboundContents;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A document in or out, as it was received or sent: operators open any partner's, a partner only its own. Served as
 * plain text (never rendered as a page) and streamed, so a 100 MB input costs no more heap than a small one.
 */
@RestController
class DocumentDownloads {

    private final InputContents inputs;
    private final OutboundContents sent;

    DocumentDownloads(InputContents inputs, OutboundContents sent) {
        this.inputs = inputs;
        this.sent = sent;
    }

    @GetMapping("/desk/documents/{partner}/in/{id}")
    void deskInput(@PathVariable String partner, @PathVariable long id, HttpServletResponse response) throws IOException {
        input(partner, id, response);
    }

    @GetMapping("/desk/documents/{partner}/out/{id}")
    void deskOutput(@PathVariable String partner, @PathVariable long id, HttpServletResponse response) throws IOException {
        output(partner, id, response);
    }

    @GetMapping("/portal/documents/in/{id}")
    void portalInput(@PathVariable long id, Principal who, HttpServletResponse response) throws IOException {
        input(who.getName(), id, response);
    }

    @GetMapping("/portal/documents/out/{id}")
    void portalOutput(@PathVariable long id, Principal who, HttpServletResponse response) throws IOException {
        output(who.getName(), id, response);
    }

    private void input(String partner, long id, HttpServletResponse response) throws IOException {
        InputContents.Input input = inputs.find(partner, id).orElseThrow(() -> notFound("input " + id));
        plainText(response, input.fileName(), input.size(), input.charset().name());
        inputs.copy(partner, id, input.size(), response.getOutputStream());
    }

    private void output(String partner, long id, HttpServletResponse response) throws IOException {
        OutboundContents.Sent document = sent.find(partner, id).orElseThrow(() -> notFound("document " + id));
        byte[] bytes = document.content().getBytes(StandardCharsets.UTF_8);
        plainText(response, document.fileName(), bytes.length, StandardCharsets.UTF_8.name());
        response.getOutputStream().write(bytes);
    }

    private static void plainText(HttpServletResponse response, String fileName, long size, String charset) {
        // shown in the browser as text, saved under its own name; never sniffed into a page that could run a script
        response.setContentType("text/plain;charset=" + charset);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setContentLengthLong(size);
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no " + what);
    }
}

package vn.tuquan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it, in front of every other filter: a body that
 * is not a file upload (JSON for the API, a form of a page) may hold at most
 * {@code tuquan.web.max-body-size} (1 MB), an upload ({@code multipart/form-data}) at most
 * {@code spring.servlet.multipart.max-request-size} (50 MB; each file at most
 * {@code spring.servlet.multipart.max-file-size}, checked by the server's multipart parser).
 *
 * <p>A larger body is answered 413 without being read or parsed ({@code application/problem+json}
 * for the API, a short page otherwise, in the caller's language, naming the limit): by its
 * {@code Content-Length}, or, for a body sent in chunks without one, after reading one byte more
 * than the limit. A chunked body within the limit is kept in memory and handed on as it came.
 * Chunked form posts are left to Tomcat's own limit ({@code server.tomcat.max-http-form-post-size},
 * set to the same size).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestBodyLimits extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxUpload;
    private final TooLarge tooLarge;

    RequestBodyLimits(
            @Value("${tuquan.web.max-body-size:1MB}") DataSize maxBody,
            @Value("${spring.servlet.multipart.max-request-size:50MB}") DataSize maxUpload,
            TooLarge tooLarge) {
        this.maxBody = maxBody.toBytes();
        this.maxUpload = maxUpload.toBytes();
        this.tooLarge = tooLarge;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean upload = type.startsWith("multipart/");
        long limit = upload ? maxUpload : maxBody;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, limit);
            return;
        }
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (!chunked || upload || type.startsWith("application/x-www-form-urlencoded")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = read(request.getInputStream(), limit);
        if (body == null) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /** The body, or {@code null} when it holds more than {@code limit} bytes (then not read further). */
    private static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        tooLarge.answer(request, response, limit);
    }

    /** A request whose body was read here, within the limit: handed on from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), Charset.forName(encoding)));
        }
    }
}

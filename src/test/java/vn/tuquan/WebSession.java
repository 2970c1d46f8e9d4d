package vn.tuquan;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/** One person's HTTP session against the running application: cookies kept, redirects not followed. */
public final class WebSession {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A download (an Excel workbook), as bytes; fails unless the answer is 200. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> getPage(String path) {
        return get(path, "Accept", "text/html");
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * Any method with a small body: a JSON object {@code {}} with the CSRF header for the API, the
     * form fields for pages.
     */
    public HttpResponse<String> send(String method, String path, Map<String, String> fields, boolean api) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (api) {
            request.header("Content-Type", "application/json").header("Accept", "application/json");
            if (fields.containsKey("_csrf")) {
                request.header("X-CSRF-TOKEN", fields.get("_csrf"));
            }
            request.method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request.build());
    }

    /** A multipart form post, as a browser sends a form with file inputs. */
    public HttpResponse<String> postMultipart(
            String path, Map<String, String> fields, String fileField, java.util.List<java.nio.file.Path> files) {
        String boundary = "----tuquan" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (java.nio.file.Path file : files) {
                body.write(
                        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                                        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                body.write(java.nio.file.Files.readAllBytes(file));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** The value of one of the cookies this session holds, for sending it from another client. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no cookie " + name))
                .getValue();
    }

    /** Reads the CSRF token from the form on the page at {@code path}. */
    public String csrfToken(String path) {
        return Jsoup.parse(getPage(path).body())
                .selectFirst("input[name=_csrf]")
                .attr("value");
    }

    /**
     * A JSON request with a body (POST, PUT …) in Vietnamese, with the CSRF token of the signed-in
     * session (read from the home page's meta tag) in its header, as the API's clients send it.
     */
    public HttpResponse<String> sendJson(String method, String path, String json) {
        String csrf =
                Jsoup.parse(getPage("/").body()).selectFirst("meta[name=_csrf]").attr("content");
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "vi")
                .header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Signs in through the login form, as a browser does. */
    public HttpResponse<String> signIn(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrfToken("/login"));
        return postForm("/login", form);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

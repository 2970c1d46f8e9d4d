package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, as the browser tests use it. Without Chromium the tests
 * fail with a clear message: they never skip.
 */
public final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("TUQUAN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        assertThat(Files.isExecutable(EXECUTABLE))
                .as(
                        "Chromium is needed at %s for the browser tests (apt-get install chromium chromium-driver, "
                                + "or set TUQUAN_CHROMIUM)",
                        EXECUTABLE)
                .isTrue();
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** A new window of the given size (a phone's when narrow) on the application at {@code port}. */
    public Tab open(int port, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setIsMobile(width < 600)
                .setHasTouch(width < 600));
        return new Tab(context, port);
    }

    @Override
    public void close() {
        playwright.close();
    }

    /**
     * One window, collecting every console error and failed response it sees, and reading every page
     * it loads for raw keys ({@link RawKeys}: a message or fact key, a criterion's code, a {@code null},
     * a year printed 2.017): each one found is an error too, and closing the tab fails the test when
     * any was found — so every browser test checks every page it opens, and the page it ends on.
     */
    public static final class Tab implements AutoCloseable {

        private final BrowserContext context;
        private final Page page;
        private final int port;
        private final List<String> errors = new ArrayList<>();
        private final List<String> rawKeys = new ArrayList<>();

        Tab(BrowserContext context, int port) {
            this.context = context;
            this.port = port;
            this.page = context.newPage();
            page.onLoad(loaded -> readForRawKeys());
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    errors.add(message.text() + " at " + message.location());
                }
            });
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    errors.add(response.status() + " " + response.url());
                }
            });
        }

        public Page page() {
            return page;
        }

        public BrowserContext context() {
            return context;
        }

        /** Console errors and responses of 400 or more seen so far (scripts, styles, the security policy). */
        public List<String> errors() {
            return errors;
        }

        /**
         * Opens the top bar's menu on a narrow screen by its toggle's label. Waits for the page's
         * scripts first (a click before Bootstrap has run does nothing) and until the menu says it is
         * open, clicking once more if the first click was lost.
         */
        public void openMenu(String toggleLabel) {
            page.waitForLoadState(LoadState.LOAD);
            Locator toggle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(toggleLabel));
            toggle.click();
            if (!"true".equals(toggle.getAttribute("aria-expanded"))) {
                page.waitForTimeout(500);
                if (!"true".equals(toggle.getAttribute("aria-expanded"))) {
                    toggle.click();
                }
            }
            PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-expanded", "true");
        }

        public String url(String path) {
            return "http://localhost:" + port + path;
        }

        /** Reads the page's visible text for raw keys now (after a change the page made without loading). */
        public void readForRawKeys() {
            String text;
            String url;
            try {
                // the document's own address and text, read together (the page may already be going elsewhere)
                Object read = page.evaluate("() => [location.href, document.body ? document.body.innerText : '']");
                List<?> pair = (List<?>) read;
                url = String.valueOf(pair.get(0));
                text = String.valueOf(pair.get(1));
            } catch (PlaywrightException e) {
                return; // the page went on to another before it could be read: that one is read when it loads
            }
            // the API and its documentation show the keys and codes clients use, on purpose
            if (!url.startsWith("http")
                    || url.contains("/api/")
                    || url.contains("/swagger-ui")
                    || url.contains("/v3/api-docs")
                    || url.endsWith(".json")
                    || url.endsWith(".pdf")) {
                return;
            }
            for (String found : RawKeys.in(text)) {
                String error = "raw key " + found + " on " + url;
                if (!rawKeys.contains(error)) {
                    rawKeys.add(error);
                    errors.add(error);
                }
            }
        }

        /** Raw keys found on the pages read so far. */
        public List<String> rawKeys() {
            return rawKeys;
        }

        public void screenshot(String name) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + ".png"))
                    .setFullPage(true));
        }

        @Override
        public void close() {
            try {
                readForRawKeys();
            } finally {
                context.close();
            }
            assertThat(rawKeys)
                    .as("every page reads in words: no message key, fact key, criterion code, null or"
                            + " year printed as a number")
                    .isEmpty();
        }
    }
}

package umimegu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import umimegu.TestFixtures;

/**
 * The page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * driven by Selenium): answer a picture, train and watch, switch the model, read the history.
 * Screenshots of each view go to {@code target/screenshots/}. Without Chromium the class is
 * skipped and says so; under CI it fails instead ({@code .ci/run} installs Chromium).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Where the screenshots go: {@code target/screenshots}, or the folder named by
     * {@code -Dumimegu.screenshots} ({@code docs} to retake the README's pictures, on a model trained
     * by the default recipe: docs/testing.md).
     */
    private static final Path SCREENSHOTS = Path.of(System.getProperty("umimegu.screenshots", "target/screenshots"));

    static final boolean RETAKING_SCREENSHOTS = System.getProperty("umimegu.screenshots") != null;

    @RegisterExtension
    static WebFixture web = new WebFixture();

    /** A page on which every picture with faces counts as explicit, as a real explicit one would. */
    @RegisterExtension
    static WebFixture explicitWeb = new WebFixture(p -> p.setProperty("answer.nsfw-spoiler-above", "0"));

    static WebDriver browser;

    @BeforeAll
    static void openChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why =
                    "no Chromium: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            org.junit.jupiter.api.Assumptions.abort(why + " - the browser tests are skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    private static boolean loaded(WebElement image) {
        Object width = ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", image);
        return width instanceof Number n && n.intValue() > 0;
    }

    private static void enterAdminToken() {
        WebElement token = waitUpTo(10).until(d -> d.findElement(By.id("admin-token")));
        token.clear();
        token.sendKeys(WebFixture.TOKEN);
        ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new Event('change'))", token);
    }

    /** A group picture from the shared data when it is there (five faces), else a demo face. */
    private static Path picture() throws Exception {
        Path scene = TestFixtures.SHARED_DATA.resolve("anime_scenes").resolve("detect_04.jpg");
        if (Files.isRegularFile(scene)) {
            return scene.toRealPath();
        }
        try (Stream<Path> files = Files.list(web.work().resolve("images-test/umi"))) {
            return files.sorted().findFirst().orElseThrow().toRealPath();
        }
    }

    @Test
    @Order(1)
    void aChosenPictureComesBackAnnotatedWithOneLinePerFace() throws Exception {
        browser.get(web.url("/"));
        Path picture = picture();
        waitUpTo(10).until(d -> d.findElement(By.id("pick"))).sendKeys(picture.toString());
        WebElement image;
        try {
            image = waitUpTo(60).until(d -> d.findElement(By.cssSelector("img.annotated")));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("answer-failed.png");
            throw new AssertionError(
                    "no annotated picture; the page says: "
                            + browser.findElement(By.id("status")).getText() + " / "
                            + browser.findElement(By.id("results")).getText(),
                    e);
        }
        waitUpTo(10).until(d -> loaded(image));
        List<WebElement> lines = browser.findElements(By.cssSelector(".face .line"));
        assertTrue(!lines.isEmpty());
        for (WebElement line : lines) {
            assertTrue(
                    line.getText().matches("(Face \\d+: )?(This is|Not sure — closest is|I don't know this one).*"),
                    line.getText());
        }
        if (picture.getFileName().toString().equals("detect_04.jpg")) {
            assertEquals(5, lines.size(), "five named, boxed faces");
        }
        browser.findElements(By.cssSelector(".face button")).get(0).click();
        waitUpTo(10)
                .until(d ->
                        d.findElement(By.cssSelector(".face .muted")).getText().startsWith("thanks"));

        // the screenshot shows a demo face only: the shared artwork is not ours to publish
        browser.navigate().refresh();
        try (Stream<Path> files = Files.list(web.work().resolve("images-test/megumi"))) {
            Path demo = files.sorted().findFirst().orElseThrow().toRealPath();
            waitUpTo(10).until(d -> d.findElement(By.id("pick"))).sendKeys(demo.toString());
        }
        WebElement demoAnswer = waitUpTo(60).until(d -> d.findElement(By.cssSelector("img.annotated")));
        waitUpTo(10).until(d -> loaded(demoAnswer));
        screenshot("answer.png");
    }

    @Test
    @Order(2)
    void aTrainingStartedHereShowsItsProgressAndCurves() throws Exception {
        browser.get(web.url("/train.html"));
        waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector("#labels tbody tr")).size() == 2);
        waitUpTo(10)
                .until(d ->
                        d.findElements(By.cssSelector(".thumbs img")).stream().allMatch(WebBrowserTest::loaded));
        enterAdminToken();
        String before = web.app().store().currentId();
        browser.findElement(By.id("start")).click();
        waitUpTo(RETAKING_SCREENSHOTS ? 900 : 120)
                .until(d -> d.findElement(By.id("train-status")).getText().startsWith("Done: model"));
        String epoch = browser.findElement(By.id("epoch")).getText();
        assertTrue(epoch.startsWith("3 / 3") || RETAKING_SCREENSHOTS, "the epoch counter moved: " + epoch);
        WebElement accuracy = waitUpTo(10).until(d -> d.findElement(By.id("curve-accuracy")));
        waitUpTo(10).until(d -> loaded(accuracy));
        assertNotEquals(before, web.app().store().currentId());
        screenshot("train.png");
    }

    @Test
    @Order(3)
    void theModelsPageSwitchesTheLiveModelAndRollsBack() throws Exception {
        browser.get(web.url("/models.html"));
        waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector("#models tbody tr")).size() >= 2);
        enterAdminToken();
        String current = web.app().store().currentId();
        WebElement older = browser.findElements(By.cssSelector("#models tbody tr")).stream()
                .filter(r -> !r.getAttribute("data-model").equals(current))
                .findFirst()
                .orElseThrow();
        String olderId = older.getAttribute("data-model");
        older.findElement(By.tagName("a")).click();
        waitUpTo(10)
                .until(d ->
                        d.findElements(By.cssSelector("#detail img")).stream().anyMatch(WebBrowserTest::loaded));
        older.findElement(By.tagName("button")).click();
        waitUpTo(20)
                .until(d ->
                        d.findElement(By.id("models-status")).getText().equals("Model " + olderId + " answers now."));
        assertEquals(olderId, web.app().store().currentId());
        waitUpTo(10)
                .until(d -> d.findElement(By.cssSelector("#models tbody tr[data-model='" + olderId + "'] td.star"))
                        .getText()
                        .equals("★"));
        browser.findElement(By.id("rollback")).click();
        waitUpTo(20)
                .until(d -> d.findElement(By.id("models-status"))
                        .getText()
                        .equals("Rolled back: model " + current + " answers now."));
        assertEquals(current, web.app().store().currentId(), "rolled back to the model that answered before");
        waitUpTo(10)
                .until(d -> d.findElement(By.cssSelector("#models tbody tr[data-model='" + current + "'] td.star"))
                        .getText()
                        .equals("★"));
        browser.findElement(By.cssSelector("#models tbody tr[data-model='" + current + "'] a"))
                .click();
        waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector("#detail img")).stream()
                                .filter(WebBrowserTest::loaded)
                                .count()
                        >= 2);
        screenshot("models.png");
    }

    @Test
    @Order(4)
    void theHistoryChartRendersWithTheAnswersAndVerdicts() throws Exception {
        browser.get(web.url("/history.html"));
        WebElement chart = waitUpTo(10).until(d -> d.findElement(By.id("chart")));
        waitUpTo(20).until(d -> loaded(chart));
        waitUpTo(10).until(d -> d.findElement(By.id("summary")).getText().matches("\\d+ answers, \\d+ not sure\\."));
        assertTrue(
                browser.findElement(By.id("judged")).getText().startsWith("Judged by users: "),
                browser.findElement(By.id("judged")).getText());
        assertTrue(!browser.findElements(By.cssSelector("#recent tbody tr")).isEmpty());
        waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector("#recent img.crop")).stream()
                        .anyMatch(WebBrowserTest::loaded));
        screenshot("history.png");
    }

    @Test
    @Order(5)
    void anExplicitLookingPictureStaysBlurredUntilClicked() throws Exception {
        Path scene =
                TestFixtures.sharedData("anime_scenes").resolve("detect_04.jpg").toRealPath();
        browser.get(explicitWeb.url("/"));
        waitUpTo(10).until(d -> d.findElement(By.id("pick"))).sendKeys(scene.toString());
        WebElement image = waitUpTo(60).until(d -> d.findElement(By.cssSelector("img.annotated")));
        waitUpTo(10).until(d -> loaded(image));
        assertTrue(blurred(image), "blurred: " + image.getCssValue("filter"));
        WebElement note = browser.findElement(By.cssSelector(".spoiler-note"));
        assertTrue(note.isDisplayed());
        note.click();
        waitUpTo(10).until(d -> !blurred(image));
        assertTrue(!note.isDisplayed(), "the note goes with the blur");
    }

    private static boolean blurred(WebElement image) {
        return image.getCssValue("filter").contains("blur");
    }
}

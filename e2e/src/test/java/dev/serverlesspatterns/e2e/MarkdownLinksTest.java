package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link and #anchor in the repository's Markdown resolves, as GitHub renders it. */
class MarkdownLinksTest {

    private final MarkdownLinks links = new MarkdownLinks(Path.of(".."));

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        // given the repository's Markdown files
        assertThat(links.markdownFiles()).isNotEmpty();

        // when each relative link is resolved, then none is broken
        assertThat(links.brokenLinks()).isEmpty();
    }

    @Test
    void slugsHeadingsAsGitHubDoes() {
        assertThat(MarkdownLinks.slug("Try it with curl")).isEqualTo("try-it-with-curl");
        assertThat(MarkdownLinks.slug("Handing off the confirmation")).isEqualTo("handing-off-the-confirmation");
        assertThat(MarkdownLinks.slug("`redrive-dlq`: at least once, never loses one"))
                .isEqualTo("redrive-dlq-at-least-once-never-loses-one");
        assertThat(MarkdownLinks.slug("Deviations from the design card (and why)"))
                .isEqualTo("deviations-from-the-design-card-and-why");
    }

    @Test
    void findsMissingFilesMissingAnchorsAndLinksOutOfTheRepository(@TempDir Path repository) throws IOException {
        // given a small repository whose README links well and badly
        Files.createDirectories(repository.resolve("docs"));
        Files.writeString(repository.resolve("docs/guide.md"), "# Guide\n\n## Try it\n");
        Files.writeString(repository.resolve("README.md"), """
                # Readme
                [good](docs/guide.md#try-it) [self](#readme) [web](https://example.org/x.md#nowhere)
                [gone](docs/missing.md) [no anchor](docs/guide.md#tests) [outside](../shared/patterns.md)
                `[in code](nowhere.md)`

                ```
                [in a fence](nowhere.md)
                ```
                """);

        // when its links are checked
        List<MarkdownLinks.BrokenLink> broken = new MarkdownLinks(repository).brokenLinks();

        // then exactly the three bad ones are reported, each with its line
        assertThat(broken)
                .extracting(MarkdownLinks.BrokenLink::target, MarkdownLinks.BrokenLink::line)
                .containsExactlyInAnyOrder(
                        tuple("docs/missing.md", 3),
                        tuple("docs/guide.md#tests", 3),
                        tuple("../shared/patterns.md", 3));
    }
}

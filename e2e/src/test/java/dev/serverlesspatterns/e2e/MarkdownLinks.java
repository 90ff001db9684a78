package dev.serverlesspatterns.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of the repository's Markdown files and the anchors they point at, resolved as GitHub renders
 * them: a link must name a file or folder inside the repository, and a {@code #fragment} into a Markdown file must
 * name one of its headings (GitHub's slugs) or an explicit {@code id}/{@code name} anchor.
 */
final class MarkdownLinks {

    /** Build output, local runs and editor folders: what .gitignore leaves out of the repository. */
    private static final Set<String> UNTRACKED = Set.of("target", ".local", ".git", ".idea", ".vscode", "node_modules");

    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HTML_LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*(?:id|name)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path root;
    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A link that does not resolve: the file and line it is on, the link as written, and what is wrong. */
    record BrokenLink(Path file, int line, String target, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + " (" + target + "): " + problem;
        }
    }

    List<Path> markdownFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    return UNTRACKED.contains(directory.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream().sorted().toList();
    }

    List<BrokenLink> brokenLinks() {
        List<BrokenLink> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            List<String> lines = proseLines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String target : targets(lines.get(i))) {
                    String problem = problem(file, target);
                    if (problem != null) {
                        broken.add(new BrokenLink(root.relativize(file), i + 1, target, problem));
                    }
                }
            }
        }
        return broken;
    }

    /** The slugs GitHub gives the headings of a Markdown file, plus its explicit HTML anchors. */
    Set<String> anchors(Path file) {
        return anchorsByFile.computeIfAbsent(file.toAbsolutePath().normalize(), MarkdownLinks::readAnchors);
    }

    /** GitHub's heading slug: lower case, punctuation dropped, each space a hyphen. */
    static String slug(String headingText) {
        String text = INLINE_CODE
                .matcher(headingText)
                .replaceAll(code -> Matcher.quoteReplacement(
                        code.group().substring(1, code.group().length() - 1)));
        text = text.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("*", "");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{Mn} _-]", "")
                .replace(' ', '-');
    }

    private String problem(Path file, String target) {
        if (target.isEmpty() || SCHEME.matcher(target).find() || target.startsWith("//")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty()
                ? file
                : (path.startsWith("/")
                                ? root.resolve(path.substring(1))
                                : file.getParent().resolve(path))
                        .normalize();
        if (!resolved.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file or folder";
        }
        if (fragment != null
                && resolved.toString().endsWith(".md")
                && !anchors(resolved).contains(fragment)) {
            return "no heading or anchor #" + fragment + " in " + root.relativize(resolved);
        }
        return null;
    }

    private static List<String> targets(String line) {
        List<String> targets = new ArrayList<>();
        String prose = INLINE_CODE.matcher(line).replaceAll("");
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION, HTML_LINK)) {
            Matcher matcher = pattern.matcher(prose);
            while (matcher.find()) {
                targets.add(matcher.group(1));
            }
        }
        return targets;
    }

    /** The file's lines with fenced code blocks blanked out, so line numbers stay true. */
    private static List<String> proseLines(Path file) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : read(file)) {
            String trimmed = line.stripLeading();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
                lines.add("");
            } else if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Set<String> readAnchors(Path file) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(file)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.binhduong.sct.report.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;

/**
 * The report's Vietnamese wording: Qute templates under {@code templates/report/} on the class path. A section's
 * sentences are the fragments of its template ({@code {#fragment id=...}}), each rendered from the section writer's
 * typed model and trimmed; the whole document in Markdown and HTML are {@code document.md} and {@code document.html}.
 * One engine, built without the Quarkus container, so the section writers' unit tests render the same wording.
 */
public final class Wording {
    static final String MARKDOWN = "text/markdown";
    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(ValueResolvers.rawResolver()).addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(java.util.List.of(Variant.TEXT_HTML))).addResultMapper(new MarkdownEscaper())
            .removeStandaloneLines(true).build();
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private Wording() {
    }

    /** The sentence {@code fragment} of the section template {@code section}, written from {@code model}. */
    public static String say(String section, String fragment, Object model) {
        Template.Fragment t = template(section + ".txt", "text/plain").getFragment(fragment);
        if (t == null) {
            throw new IllegalStateException("no fragment " + fragment + " in templates/report/" + section + ".txt");
        }
        return t.data(model).render().strip().replaceAll("\\s*\\n\\s*", " ");
    }

    static String document(String name, String contentType, Object model) {
        return template(name, contentType).data(model).render();
    }

    private static Template template(String name, String contentType) {
        return TEMPLATES.computeIfAbsent(name, n -> {
            try (InputStream in = Wording.class.getClassLoader().getResourceAsStream("templates/report/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("no template templates/report/" + n);
                }
                String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return ENGINE.parse(source, new Variant(java.util.Locale.ROOT, contentType, "UTF-8"), n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

package vn.binhduong.sct.report.report;

import java.util.Optional;

import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import io.quarkus.qute.Variant;

/**
 * Escapes every value a Markdown template prints: {@code \ * _ ` [ ] | <} anywhere, and a {@code #}, {@code >},
 * {@code +} or {@code -} or a numbered-list start ({@code 1.}) at the start of a value, so staff prose reads as the
 * staff wrote it. {@code {x.raw}} prints a value as is.
 */
final class MarkdownEscaper implements ResultMapper {
    @Override
    public boolean appliesTo(Origin origin, Object result) {
        if (result instanceof RawString) {
            return false;
        }
        Optional<Variant> v = origin.getVariant();
        return v.isPresent() && Wording.MARKDOWN.equals(v.get().getContentType());
    }

    @Override
    public String map(Object result, Expression expression) {
        return escape(result.toString());
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\*_`[]|<".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        String out = b.toString();
        if (out.startsWith("#") || out.startsWith(">") || out.startsWith("+ ") || out.startsWith("- ")) {
            out = "\\" + out;
        } else if (out.matches("(?s)^\\d+[.)] .*")) {
            int dot = out.indexOf(out.matches("(?s)^\\d+\\. .*") ? '.' : ')');
            out = out.substring(0, dot) + "\\" + out.substring(dot);
        }
        return out;
    }
}

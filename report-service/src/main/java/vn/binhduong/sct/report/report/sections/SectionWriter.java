package vn.binhduong.sct.report.report.sections;

import java.util.List;

import vn.binhduong.sct.report.report.Figures;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.Wording;

/**
 * Writes the generated passages of one section of the outline: it chooses the figures and does the arithmetic into a
 * typed model, and the section's template ({@code templates/report/<template>.txt}) words the model. Each passage
 * names the figure keys it was written from.
 */
public abstract class SectionWriter {
    /** The outline section the passages go to. */
    public abstract String section();

    /** The template file (without {@code .txt}) holding the section's sentences. */
    protected String template() {
        return section();
    }

    public abstract List<Block> write(Figures f);

    /** A generated paragraph: the fragment worded from the model, with the keys read since the last passage. */
    protected Block sentence(Figures f, String fragment, Object model) {
        return new Block("paragraph", "generated", Wording.say(template(), fragment, model), List.of(), f.used());
    }

    protected Block bullet(Figures f, String fragment, Object model) {
        return new Block("bullet", "generated", Wording.say(template(), fragment, model), List.of(), f.used());
    }

    protected Block withFootnote(Figures f, String fragment, Object model, String noteFragment) {
        return new Block("paragraph", "generated", Wording.say(template(), fragment, model),
                List.of(Wording.say(template(), noteFragment, model)), f.used());
    }
}

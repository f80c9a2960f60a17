package vn.binhduong.sct.platform.rules;

/** How serious a violation is; a caller may let HIGH violations block a workflow step. */
public enum Importance {
    HIGH, MEDIUM, LOW
}

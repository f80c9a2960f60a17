package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Oxygen containers, thiết bị chứa ({@code OxygenContainers.kind}). */
public enum ContainerKind implements Labelled {
    CYLINDER("chai"),
    TANK("bồn"),
    OTHER("thiết bị chứa khác");

    private final String label;

    ContainerKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.covid.domain;

/** Lifecycle of a permit. */
public enum PermitStatus {
    ACTIVE, REVOKED
}

package vn.binhduong.sct.contract.common;

/**
 * The one vocabulary of establishment kinds on the wire (inspection-service's compliance visits and coverage reports,
 * covid-ops-service's establishments and test sessions). covid-ops-service's own {@code CLUSTER_BUSINESS} is published
 * as {@link #INDUSTRIAL_CLUSTER_BUSINESS}; events stored before the contract still carry it, and
 * {@link #fromWire(String)} reads it.
 */
public enum EstablishmentType implements Labelled {
    INDUSTRIAL_CLUSTER_BUSINESS("doanh nghiệp trong CCN"),
    MARKET("chợ truyền thống"),
    SUPERMARKET("siêu thị"),
    SHOPPING_CENTRE("trung tâm thương mại"),
    CONVENIENCE_STORE("cửa hàng tiện lợi"),
    OXYGEN_SUPPLIER("doanh nghiệp cung ứng khí oxy"),
    DELIVERY_SERVICE("đơn vị giao hàng"),
    OTHER("cơ sở khác");

    /** Wire values published before the contract unified them, and the constant each now is. */
    public static final java.util.Map<String, EstablishmentType> LEGACY = java.util.Map.of(
            "CLUSTER_BUSINESS", INDUSTRIAL_CLUSTER_BUSINESS, "cluster-business", INDUSTRIAL_CLUSTER_BUSINESS,
            "shopping-center", SHOPPING_CENTRE);

    private final String label;

    EstablishmentType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The type a wire value or projection key names (its name, its slug, or a legacy value); null when none. */
    public static EstablishmentType fromWire(String value) {
        EstablishmentType t = Labelled.bySlug(EstablishmentType.class, value);
        return t != null ? t : value == null ? null : LEGACY.get(value);
    }
}

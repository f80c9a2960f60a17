package vn.binhduong.sct.contract.common;

/** Every enum of the contract: its Vietnamese label, the words the report prints for it. */
public interface Labelled {
    String label();

    /** The key a projection derives from a constant ({@code INDUSTRIAL_CLUSTER_BUSINESS} → {@code industrial-cluster-business}). */
    static String slug(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} whose name or slug is {@code key}; null when none is. */
    static <E extends Enum<E>> E bySlug(Class<E> type, String key) {
        if (key == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key) || slug(e).equals(key)) {
                return e;
            }
        }
        return null;
    }

    /**
     * A producer's domain constant as the contract's: by name, null for null. A domain constant the contract does not
     * name is a programming error (the producer's mapping must say what it becomes), so it throws.
     */
    static <E extends Enum<E>> E map(Enum<?> domain, Class<E> contract) {
        if (domain == null) {
            return null;
        }
        try {
            return Enum.valueOf(contract, domain.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(domain.getDeclaringClass().getName() + "." + domain.name()
                    + " has no counterpart in the contract's " + contract.getName(), e);
        }
    }
}

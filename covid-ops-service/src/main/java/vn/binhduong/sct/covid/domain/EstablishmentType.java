package vn.binhduong.sct.covid.domain;

/** Kinds of establishment (DESIGN.md §8). */
public enum EstablishmentType {
    /** doanh nghiệp trong cụm công nghiệp */ CLUSTER_BUSINESS, /** chợ */ MARKET, /** siêu thị */ SUPERMARKET, /** cửa hàng tiện lợi */ CONVENIENCE_STORE, /** trung tâm thương mại */ SHOPPING_CENTRE, /** doanh nghiệp cung ứng khí Oxy */ OXYGEN_SUPPLIER, /** đơn vị giao hàng */ DELIVERY_SERVICE, OTHER
}

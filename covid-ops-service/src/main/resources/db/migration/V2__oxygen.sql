-- Medical oxygen (seed II.7 "Công tác cung ứng nguồn Oxy y tế"): supplier capacity and containers per date,
-- the coordination team (Tổ điều phối Oxy) and its log of actions. Suppliers are establishments of type OXYGEN_SUPPLIER.
CREATE TABLE oxygen_capacity_report (
    id                     UUID PRIMARY KEY,
    supplier_id            UUID NOT NULL REFERENCES establishment (id),
    report_date            DATE NOT NULL,
    capacity_basis         VARCHAR(20) NOT NULL,
    capacity               BIGINT NOT NULL CHECK (capacity >= 0),
    capacity_unit          VARCHAR(20) NOT NULL,
    cylinders              INT NOT NULL CHECK (cylinders >= 0),
    cylinder_volume_litres BIGINT NOT NULL CHECK (cylinder_volume_litres >= 0),
    tanks                  INT NOT NULL CHECK (tanks >= 0),
    tank_volume_litres     BIGINT NOT NULL CHECK (tank_volume_litres >= 0),
    other_containers       INT NOT NULL CHECK (other_containers >= 0),
    other_volume_litres    BIGINT NOT NULL CHECK (other_volume_litres >= 0),
    source                 VARCHAR(500),
    version                INT NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT oxygen_capacity_report_key UNIQUE (supplier_id, report_date)
);
CREATE INDEX oxygen_capacity_report_date ON oxygen_capacity_report (report_date);

CREATE TABLE oxygen_coordination_team (
    id                 UUID PRIMARY KEY,
    code               VARCHAR(40) NOT NULL UNIQUE,
    name               VARCHAR(300) NOT NULL,
    decision_reference VARCHAR(120) NOT NULL,
    decision_date      DATE NOT NULL,
    issued_by          VARCHAR(200),
    department_role    VARCHAR(500),
    version            INT NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE oxygen_coordination_record (
    id                   UUID PRIMARY KEY,
    team_id              UUID NOT NULL REFERENCES oxygen_coordination_team (id),
    action_date          DATE NOT NULL,
    requesting_unit      VARCHAR(300) NOT NULL,
    requesting_unit_kind VARCHAR(30) NOT NULL,
    supplier_id          UUID NOT NULL REFERENCES establishment (id),
    quantity             BIGINT NOT NULL CHECK (quantity >= 0),
    quantity_unit        VARCHAR(20) NOT NULL,
    status               VARCHAR(20) NOT NULL,
    note                 VARCHAR(1000),
    version              INT NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX oxygen_coordination_record_date ON oxygen_coordination_record (action_date);
CREATE INDEX oxygen_coordination_record_supplier ON oxygen_coordination_record (supplier_id, action_date);

#!/bin/bash
# First start of the compose PostgreSQL: one role and one database per service, each database owned by its role
# (the service's Flyway migrations create the tables). Passwords come from the environment (.env).
set -euo pipefail

create() { # role database password
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       --set=role="$1" --set=db="$2" --set=pw="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"role" ENCODING 'UTF8';
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create member_service     member_service     "$SCT_DB_PASSWORD_MEMBER"
create inspection_service inspection_service "$SCT_DB_PASSWORD_INSPECTION"
create covid_ops_service  covid_ops_service  "$SCT_DB_PASSWORD_COVID_OPS"
create indicator_service  indicator_service  "$SCT_DB_PASSWORD_INDICATOR"
create report_service     report_service     "$SCT_DB_PASSWORD_REPORT"

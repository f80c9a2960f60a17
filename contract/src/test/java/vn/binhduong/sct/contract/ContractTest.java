package vn.binhduong.sct.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.binhduong.sct.contract.common.EstablishmentType;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.common.Organisations;
import vn.binhduong.sct.contract.covid.CovidEventTypes;
import vn.binhduong.sct.contract.indicator.IndicatorEventTypes;
import vn.binhduong.sct.contract.inspection.InspectionEventTypes;
import vn.binhduong.sct.contract.member.MemberEventTypes;
import vn.binhduong.sct.contract.member.MemberPayloads.TrainingPayload;
import vn.binhduong.sct.contract.member.TrainingProgramme;

class ContractTest {

    /** Every class compiled into the contract's packages. */
    static List<Class<?>> contractClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(EventContract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("vn/binhduong/sct/contract"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.');
                out.add(Class.forName(name.substring(0, name.length() - ".class".length())));
            }
        }
        return out;
    }

    /** The enums the registered payloads carry: every record component, list element, map key and value, recursively. */
    static Set<Class<?>> enumsCarriedByPayloads() {
        Set<Class<?>> enums = new java.util.LinkedHashSet<>();
        Set<java.lang.reflect.Type> seen = new HashSet<>();
        java.util.Deque<java.lang.reflect.Type> toVisit = new java.util.ArrayDeque<>();
        EventContracts.all().forEach(c -> toVisit.add(c.payload()));
        while (!toVisit.isEmpty()) {
            java.lang.reflect.Type t = toVisit.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof java.lang.reflect.ParameterizedType p) {
                toVisit.addAll(List.of(p.getActualTypeArguments()));
                toVisit.add(p.getRawType());
            } else if (t instanceof java.lang.reflect.WildcardType w) {
                toVisit.addAll(List.of(w.getUpperBounds()));
            } else if (t instanceof Class<?> c) {
                if (c.isEnum()) {
                    enums.add(c);
                } else if (c.isArray()) {
                    toVisit.add(c.getComponentType());
                } else if (c.isRecord()) {
                    for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
                        toVisit.add(rc.getGenericType());
                    }
                }
            }
        }
        return enums;
    }

    @Test
    void everyEnumAPayloadCarriesIsAContractEnumWithAVietnameseLabelOfItsOwn() throws Exception {
        Set<Class<?>> carried = enumsCarriedByPayloads();
        Set<Class<?>> declared = new java.util.LinkedHashSet<>(contractClasses().stream().filter(Class::isEnum).toList());
        assertTrue(carried.size() >= 2, "enums carried: " + carried);
        for (Class<?> e : carried) {
            assertTrue(e.getName().startsWith("vn.binhduong.sct.contract."), e.getName() + " is carried but not in the contract");
        }
        // no enum of the contract that no payload carries (a vocabulary nobody publishes is a leftover)
        assertEquals(declared, new java.util.LinkedHashSet<>(carried.stream().filter(declared::contains).toList()),
                "declared but carried by no payload: " + declared.stream().filter(d -> !carried.contains(d)).toList());
        for (Class<?> e : carried) {
            assertTrue(Labelled.class.isAssignableFrom(e), e.getName() + " does not implement Labelled");
            for (Object c : e.getEnumConstants()) {
                String label = ((Labelled) c).label();
                String name = ((Enum<?>) c).name();
                assertTrue(label != null && !label.isBlank(), e.getSimpleName() + "." + name + " has no label");
                assertFalse(label.equalsIgnoreCase(name) || label.equalsIgnoreCase(Labelled.slug((Enum<?>) c))
                        || label.equalsIgnoreCase(name.replace('_', ' ')),
                        e.getSimpleName() + "." + name + " is labelled with its own name: " + label);
            }
            // Vietnamese, not English: a word may lack diacritics (chai, kg), a whole vocabulary does not
            assertTrue(java.util.Arrays.stream(e.getEnumConstants()).map(c -> ((Labelled) c).label())
                    .anyMatch(l -> l.codePoints().anyMatch(cp -> cp > 127 && Character.isLetter(cp))),
                    e.getSimpleName() + " is not labelled in Vietnamese");
        }
    }

    @Test
    void everyRegisteredTypeMapsToARecordAndEveryDeclaredTypeIsRegistered() throws Exception {
        Set<String> seen = new HashSet<>();
        for (Class<?> types : List.of(MemberEventTypes.class, InspectionEventTypes.class, CovidEventTypes.class,
                IndicatorEventTypes.class)) {
            String producer = (String) types.getField("PRODUCER").get(null);
            List<?> all = (List<?>) types.getField("ALL").get(null);
            for (Field f : types.getFields()) {
                if (f.getType() == EventContract.class && Modifier.isStatic(f.getModifiers())) {
                    EventContract c = (EventContract) f.get(null);
                    assertTrue(all.contains(c), types.getSimpleName() + "." + f.getName() + " is missing from ALL");
                    assertTrue(c.payload().isRecord(), c.type() + " → " + c.payload());
                    assertEquals(producer, c.producer(), c.type());
                    assertEquals(c, EventContracts.find(c.type()).orElseThrow(), c.type() + " is not in the registry");
                    assertTrue(c.type().matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+"), c.type());
                    assertTrue(c.version() >= 1, c.type());
                    seen.add(c.type());
                }
            }
        }
        assertEquals(seen.size(), EventContracts.all().size());
        assertEquals(30 + 17 + 18 + 8, seen.size());
    }

    @Test
    void enumsTravelByTheirNamesAsTheyDidAsStrings() throws Exception {
        String json = new ObjectMapper().writeValueAsString(new TrainingPayload(null, null, "DB-SCT", "CB-01",
                TrainingProgramme.ADVANCED_POLITICAL_THEORY, 2021, null, null,
                vn.binhduong.sct.contract.member.TrainingStatus.SENT));
        assertTrue(json.contains("\"programme\":\"ADVANCED_POLITICAL_THEORY\""), json);
        assertTrue(json.contains("\"status\":\"SENT\""), json);
        java.util.Map<vn.binhduong.sct.contract.member.Rating, Integer> byRating = new java.util.LinkedHashMap<>();
        byRating.put(vn.binhduong.sct.contract.member.Rating.EXCELLENT, 3);
        byRating.put(vn.binhduong.sct.contract.member.Rating.NOT_COMPLETED, 0);
        String finalized = new ObjectMapper().writeValueAsString(new vn.binhduong.sct.contract.member.MemberPayloads
                .YearFinalizedPayload("DB-SCT", 2021, vn.binhduong.sct.contract.member.RuleSet.HD21_2019, null, 0, 0, 0, 0, 0,
                        byRating, 0, 0, 0, byRating, List.of(), null, "lead"));
        assertTrue(finalized.contains("\"membersByRating\":{\"EXCELLENT\":3,\"NOT_COMPLETED\":0}"), finalized);
        assertTrue(finalized.contains("\"ruleSet\":\"HD21_2019\""), finalized);
        java.util.Map<vn.binhduong.sct.contract.covid.PermitKind, Integer> byKind = new java.util.LinkedHashMap<>();
        byKind.put(vn.binhduong.sct.contract.covid.PermitKind.DELIVERY_WORKER, 12);
        String permits = new ObjectMapper().writeValueAsString(new vn.binhduong.sct.contract.covid.CovidPayloads
                .PermitTotalReported(null, 12, byKind, 0, "báo cáo"));
        assertTrue(permits.contains("\"byKind\":{\"DELIVERY_WORKER\":12}"), permits);
        String upload = new ObjectMapper().writeValueAsString(new vn.binhduong.sct.contract.covid.CovidPayloads
                .TestResultsUploaded("j", vn.binhduong.sct.contract.covid.UploadFormat.NDJSON, 0, 0, 0, 0, 0, 0, List.of()));
        assertTrue(upload.contains("\"format\":\"NDJSON\""), upload);
        String containers = new ObjectMapper().writeValueAsString(new vn.binhduong.sct.contract.covid.CovidPayloads
                .OxygenContainers(vn.binhduong.sct.contract.covid.ContainerKind.CYLINDER, 3, 120));
        assertTrue(containers.contains("\"kind\":\"CYLINDER\""), containers);
        assertEquals(TrainingProgramme.ADVANCED_POLITICAL_THEORY,
                new ObjectMapper().readValue(json, TrainingPayload.class).programme());
    }

    @Test
    void wireValuesAndProjectionKeysReadBack() {
        assertEquals(TrainingProgramme.ADVANCED_POLITICAL_THEORY, TrainingProgramme.fromWire("advanced-political-theory"));
        assertEquals(TrainingProgramme.INTERMEDIATE_POLITICAL_THEORY, TrainingProgramme.fromWire("political-intermediate"));
        assertNull(TrainingProgramme.fromWire("cooking-class"));
        assertEquals(EstablishmentType.INDUSTRIAL_CLUSTER_BUSINESS, EstablishmentType.fromWire("industrial-cluster-business"));
        assertEquals(EstablishmentType.INDUSTRIAL_CLUSTER_BUSINESS, EstablishmentType.fromWire("CLUSTER_BUSINESS"));
        assertEquals(EstablishmentType.INDUSTRIAL_CLUSTER_BUSINESS, EstablishmentType.fromWire("cluster-business"));
        assertEquals("doanh nghiệp trong CCN", EstablishmentType.fromWire("cluster-business").label());
        assertNull(EstablishmentType.fromWire("bakery"));
    }

    @Test
    void theDepartmentHasOneCodeOnTheWire() {
        Organisations o = Organisations.defaults();
        assertEquals("SCT-BD", o.canonical("SCT"));
        assertEquals("SCT-BD", o.canonical(" sct "));
        assertEquals("SCT-BD", o.canonical("SCT-BD"));
        assertEquals("DB-SCT", o.canonical("DB-SCT"));
        assertEquals("DB-SCT", o.partyCommittee());
        assertNull(o.canonical(null));
        Organisations configured = Organisations.from(k -> k.equals(Organisations.DEPARTMENT_CODE_KEY)
                ? java.util.Optional.of("SCT-X") : k.equals(Organisations.DEPARTMENT_ALIASES_KEY)
                        ? java.util.Optional.of("SCT, SO-CT") : java.util.Optional.empty());
        assertEquals("SCT-X", configured.canonical("so-ct"));
        assertEquals("SCT-X", configured.canonical("SCT"));
        assertTrue(configured.isDepartment("SCT-X"));
    }

    @Test
    void aDomainConstantTheContractLacksIsAProgrammingError() {
        enum Domain { MARKET, BAKERY }
        assertEquals(EstablishmentType.MARKET, Labelled.map(Domain.MARKET, EstablishmentType.class));
        assertNull(Labelled.map(null, EstablishmentType.class));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Labelled.map(Domain.BAKERY, EstablishmentType.class));
        assertTrue(e.getMessage().contains("BAKERY"), e.getMessage());
    }
}

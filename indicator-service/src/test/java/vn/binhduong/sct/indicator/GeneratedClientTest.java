package vn.binhduong.sct.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.indicator.client.ApiClient;
import vn.binhduong.sct.indicator.client.ApiException;
import vn.binhduong.sct.indicator.client.ApiResponse;
import vn.binhduong.sct.indicator.client.api.CatalogueApi;
import vn.binhduong.sct.indicator.client.api.ValuesApi;
import vn.binhduong.sct.indicator.client.model.IndicatorRequest;
import vn.binhduong.sct.indicator.client.model.IndicatorView;
import vn.binhduong.sct.indicator.client.model.KeysetPageValueView;
import vn.binhduong.sct.indicator.client.model.Problem;
import vn.binhduong.sct.indicator.client.model.Scale;
import vn.binhduong.sct.indicator.client.model.TargetRequest;
import vn.binhduong.sct.indicator.client.model.Unit;
import vn.binhduong.sct.indicator.client.model.ValueKind;
import vn.binhduong.sct.indicator.client.model.ValueRequest;
import vn.binhduong.sct.indicator.client.model.ValueView;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.TestTokens;

/**
 * Issue 15: what an integrator gets from the stored contract. The client under
 * {@code target/generated-test-sources/openapi} is generated at build time from {@code docs/openapi/indicator-service.json}
 * (openapi-generator, {@code java}/{@code native}: java.net.http and Jackson, see indicator-service/pom.xml), and this
 * test calls the running service through it only, by the document's operationIds: a field renamed or retyped in the
 * service, or in the document, breaks the round trip here.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfra.class, restrictToAnnotatedClass = false)
class GeneratedClientTest {
    @TestHTTPResource("/")
    URI base;

    private ApiClient client(String role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        String token = TestTokens.as(role);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void recordsValuesAndATargetReadsThemBackAndPagesByCursorThroughTheGeneratedClient() throws ApiException {
        ApiClient staff = client(Roles.DEPARTMENT_STAFF);
        CatalogueApi catalogue = new CatalogueApi(staff);
        ValuesApi values = new ValuesApi(staff);
        String org = Api.org();
        String code = Api.unique("GEN");

        catalogue.createIndicator(new IndicatorRequest().code(code).name("Kim ngạch xuất khẩu " + code).unit(Unit.USD)
                .scale(Scale.BILLION));
        IndicatorView indicator = new CatalogueApi(client(Roles.VIEWER)).getIndicator(code, null);
        assertEquals(code, indicator.getCode());
        assertEquals("Kim ngạch xuất khẩu " + code, indicator.getName());

        ApiResponse<Object> target = values.setTargetWithHttpInfo(new TargetRequest().indicator(code).organization(org)
                .period("2021").targetValue(new BigDecimal("30000000000")).planDocument("KH 2021"), null);
        assertEquals(201, target.getStatusCode());
        assertEquals(List.of("\"0\""), target.getHeaders().get("etag"));

        List<UUID> ids = new ArrayList<>();
        String[][] figures = { { "2019", "25000000000" }, { "2020", "28000000000" }, { "2021", "31500000000" } };
        for (String[] f : figures) {
            ApiResponse<Object> recorded = values.recordValueWithHttpInfo(new ValueRequest().indicator(code).organization(org)
                    .period(f[0]).kind(ValueKind.ESTIMATE).value(new BigDecimal(f[1])).source("Báo cáo " + f[0]), null);
            assertEquals(201, recorded.getStatusCode());
            // the 201's body has no schema in the document, so the client hands it over untyped: a map
            Map<?, ?> body = (Map<?, ?>) recorded.getData();
            UUID id = UUID.fromString((String) body.get("id"));
            assertEquals(List.of("/api/v1/values/" + id), recorded.getHeaders().get("location").stream()
                    .map(l -> URI.create(l).getPath()).toList());
            ids.add(id);
        }

        ValueView read = values.getValue(ids.get(2), null);
        assertEquals(code, read.getIndicator());
        assertEquals(org, read.getOrganization());
        assertEquals("2021", read.getPeriod());
        assertEquals(ValueKind.ESTIMATE, read.getKind());
        assertEquals(0, new BigDecimal("31500000000").compareTo(read.getValue()));
        assertEquals("31,5 tỷ USD", read.getDisplayText());
        assertEquals("Báo cáo 2021", read.getSource());
        assertEquals(0, new BigDecimal("30000000000").compareTo(read.getTargetValue()));
        assertEquals("KH 2021", read.getPlanDocument());
        assertEquals(0, new BigDecimal("12.5").compareTo(read.getGrowth()), "31.5 against 28 is +12.5%");
        assertEquals(Boolean.TRUE, read.getAchievement().getMet());

        // keyset pages of 2 through the generated parameters: next is the opaque cursor, the last page has none
        KeysetPageValueView first = values.listValues(null, null, null, List.of(code), null, org, null, null, null, 2, null,
                true);
        assertEquals(2, first.getItems().size());
        assertEquals(3L, first.getTotal());
        assertNotNull(first.getNext());
        KeysetPageValueView second = values.listValues(first.getNext(), null, null, List.of(code), null, org, null, null,
                null, 2, null, null);
        assertEquals(1, second.getItems().size());
        assertNull(second.getNext());
        List<String> periods = new ArrayList<>();
        first.getItems().forEach(v -> periods.add(v.getPeriod()));
        second.getItems().forEach(v -> periods.add(v.getPeriod()));
        assertEquals(List.of("2019", "2020", "2021"), periods);
        assertEquals(ids, List.of(first.getItems().get(0).getId(), first.getItems().get(1).getId(),
                second.getItems().get(0).getId()));
    }

    @Test
    void aRefusedRequestArrivesAsTheGeneratedApiExceptionWithItsProblem() throws Exception {
        ApiClient staff = client(Roles.DEPARTMENT_STAFF);
        ValuesApi values = new ValuesApi(staff);
        String code = Api.unique("GENX");
        new CatalogueApi(staff).createIndicator(new IndicatorRequest().code(code).name("Chỉ số " + code).unit(Unit.INDEX));

        // a malformed period: 400 with one error per field
        ApiException bad = assertThrows(ApiException.class, () -> values.recordValue(new ValueRequest()
                .indicator(code).organization(Api.org()).period("2021Q9").kind(ValueKind.ESTIMATE)
                .value(BigDecimal.ONE), null));
        assertEquals(400, bad.getCode());
        assertEquals("application/problem+json", bad.getResponseHeaders().firstValue("content-type").orElseThrow()
                .split(";")[0]);
        Problem problem = staff.getObjectMapper().readValue(bad.getResponseBody(), Problem.class);
        assertEquals(400, problem.getStatus());
        assertTrue(problem.getErrors().stream().anyMatch(e -> "period".equals(e.getField())), bad.getResponseBody());

        // an unknown cursor: 400 from the keyset list
        ApiException cursor = assertThrows(ApiException.class, () -> values.listValues("not-a-cursor", null, null, null,
                null, null, null, null, null, 2, null, null));
        assertEquals(400, cursor.getCode());
        assertEquals(400, staff.getObjectMapper().readValue(cursor.getResponseBody(), Problem.class).getStatus());

        // a value that does not exist: 404, and a viewer may not write: 403
        ApiException missing = assertThrows(ApiException.class, () -> values.getValue(UUID.randomUUID(), null));
        assertEquals(404, missing.getCode());
        assertEquals(404, staff.getObjectMapper().readValue(missing.getResponseBody(), Problem.class).getStatus());
        ApiException forbidden = assertThrows(ApiException.class, () -> new ValuesApi(client(Roles.VIEWER))
                .recordValue(new ValueRequest().indicator("X").organization("SCT-BD").period("2021")
                        .kind(ValueKind.ESTIMATE).value(BigDecimal.ONE), null));
        assertEquals(403, forbidden.getCode());
    }
}

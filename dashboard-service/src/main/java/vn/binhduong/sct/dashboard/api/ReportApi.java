package vn.binhduong.sct.dashboard.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * report-service's public API as docs/report.md describes it, called with the user's token. Answers are read as
 * JSON trees: the dashboard shows what the API says and tolerates fields it does not know.
 */
@RegisterRestClient(configKey = "report-service")
@Path("/api/v1")
public interface ReportApi {
    @GET
    @Path("dashboards/{org}/{year}")
    JsonNode dashboard(@HeaderParam("Authorization") String auth, @PathParam("org") String org, @PathParam("year") int year);

    @GET
    @Path("dashboards/{org}/series")
    JsonNode series(@HeaderParam("Authorization") String auth, @PathParam("org") String org, @QueryParam("key") String key,
            @QueryParam("from") Integer from, @QueryParam("to") Integer to);

    @GET
    @Path("figures")
    JsonNode figures(@HeaderParam("Authorization") String auth, @QueryParam("organization") String org,
            @QueryParam("year") Integer year, @QueryParam("key") String key, @QueryParam("size") Integer size);

    @GET
    @Path("reports/{org}/{year}/versions")
    JsonNode versions(@HeaderParam("Authorization") String auth, @PathParam("org") String org, @PathParam("year") int year,
            @QueryParam("size") Integer size);

    @POST
    @Path("reports/{org}/{year}/generate")
    JsonNode generate(@HeaderParam("Authorization") String auth, @PathParam("org") String org, @PathParam("year") int year);

    @GET
    @Path("reports/{org}/{year}/versions/{n}.{format}")
    Response content(@HeaderParam("Authorization") String auth, @PathParam("org") String org, @PathParam("year") int year,
            @PathParam("n") int n, @PathParam("format") String format);

    @GET
    @Path("projections/events")
    JsonNode events(@HeaderParam("Authorization") String auth);

    @GET
    @Path("inbox/lag")
    JsonNode lag(@HeaderParam("Authorization") String auth);
}

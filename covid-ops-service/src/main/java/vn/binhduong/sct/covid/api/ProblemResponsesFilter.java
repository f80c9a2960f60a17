package vn.binhduong.sct.covid.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers of every operation of this service as RFC 9457 problems
 * ({@code application/problem+json}, schema {@code Problem}), where an operation does not document them itself:
 * 400 for any operation that takes input, 401 and 403 for secured ones, 404 where the path names a resource, 409 and
 * 422 for writes, 413 for the bulk upload (a CSV header longer than {@code sct.uploads.max-record-chars}).
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            Schema problem = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description("RFC 9457 problem detail")
                    .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description("stable URI of the kind of problem"))
                    .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                    .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                    .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                    .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                    .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                            .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                    .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                    .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))));
            components.addSchema("Problem", problem);
            api.setComponents(components);
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Map<PathItem.HttpMethod, Operation> ops = path.getValue().getOperations();
            if (ops == null) {
                continue;
            }
            boolean named = path.getKey().contains("{");
            ops.forEach((method, op) -> {
                APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
                boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
                boolean takesInput = named || op.getRequestBody() != null
                        || (op.getParameters() != null && !op.getParameters().isEmpty());
                boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
                if (takesInput) {
                    add(responses, "400", "invalid input: a malformed body, a wrong type, a bad date, UUID or cursor");
                }
                if (secured) {
                    add(responses, "401", "no valid bearer token");
                    add(responses, "403", "the caller's role may not do this (see the role matrix)");
                }
                if (named) {
                    add(responses, "404", "what the path names does not exist");
                }
                if (write) {
                    add(responses, "409", "clashes with what is stored: a duplicate, a stale version, a state that forbids it");
                    add(responses, "422", "well-formed, but a domain rule refuses it (the problem names the rule)");
                }
                if (path.getKey().equals("/api/v1/test-results/uploads") && write) {
                    add(responses, "413", "a CSV header longer than sct.uploads.max-record-chars (a longer data row is a rejected row instead)");
                }
                op.setResponses(responses);
            });
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        var problem = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
        var existing = responses.getAPIResponse(code);
        if (existing == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problem));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            // e.g. the 401/403 the security scanner adds without a body: they answer a problem too
            existing.setContent(problem);
        }
    }
}

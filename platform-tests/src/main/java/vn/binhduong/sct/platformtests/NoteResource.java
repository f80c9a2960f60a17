package vn.binhduong.sct.platformtests;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.security.Roles;

@Path("/api/v1/notes")
public class NoteResource {
    static final EventType NOTE_CREATED = EventType.of("note.created", 1);

    public record NoteRequest(@NotBlank @Size(max = 100) String code, @NotBlank @Size(max = 500) String text) {
    }

    public record NoteUpdate(@NotBlank @Size(max = 500) String text, @NotNull @Min(0) Integer version) {
    }

    public record NoteView(String code, String text, int version) {
        static NoteView of(Note n) {
            return new NoteView(n.code, n.text, n.version);
        }
    }

    private final Outbox outbox;

    public NoteResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    public Response createNote(@Valid @NotNull NoteRequest request, @QueryParam("fail") boolean fail) {
        Note note = new Note();
        note.code = request.code();
        note.text = request.text();
        note.persistAndFlush();
        outbox.record(NOTE_CREATED, "DB-SCT", "note", note.code, Map.of("code", note.code, "text", note.text));
        if (fail) {
            throw new IllegalStateException("failing on purpose after writing, to test rollback");
        }
        return Response.status(201).entity(NoteView.of(note)).build();
    }

    @PUT
    @Path("{code}")
    @Transactional
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN })
    public NoteView updateNote(@PathParam("code") String code, @Valid @NotNull NoteUpdate update) {
        Note note = Note.<Note>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("note", code));
        if (note.version != update.version()) {
            throw ProblemException.conflict("stale-version", "note " + code + " is at version " + note.version
                    + ", you sent " + update.version());
        }
        note.text = update.text();
        note.flush();
        return NoteView.of(note);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN, Roles.VIEWER })
    public NoteView getNote(@PathParam("code") String code) {
        return Note.<Note>find("code", code).firstResultOptional().map(NoteView::of)
                .orElseThrow(() -> ProblemException.notFound("note", code));
    }

    @GET
    @RolesAllowed({ Roles.DEPARTMENT_STAFF, Roles.ADMIN, Roles.VIEWER })
    public PageResult<NoteView> listNotes(@QueryParam("text") String text, @BeanParam @Valid PageParams page) {
        var query = text == null ? Note.<Note>findAll(io.quarkus.panache.common.Sort.by("code"))
                : Note.<Note>find("text = ?1 order by code", text);
        List<NoteView> items = query.page(page.toPage()).list().stream().map(NoteView::of).toList();
        return PageResult.of(items, page, query.count());
    }
}

package vn.binhduong.sct.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** What the API answered, said to a person: 403 not allowed, 404 no data, 400 a bad address, 503 a service down. */
public class Errors {
    private static final Logger LOG = Logger.getLogger(Errors.class);

    @Inject
    @Location("error.html")
    Template error;
    @Inject
    CurrentUser user;

    @ServerExceptionMapper
    public Response api(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 300 && status < 400) {
            return e.getResponse();
        }
        String message = switch (status) {
            case 401 -> "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.";
            case 403 -> "Tài khoản của bạn không có quyền xem nội dung này.";
            case 404 -> "Chưa có số liệu cho tổ chức và năm này.";
            case 400 -> "Địa chỉ không hợp lệ.";
            default -> "Hệ thống báo cáo đang gặp sự cố (mã " + status + "). Vui lòng thử lại sau.";
        };
        int shown = status >= 500 ? 502 : status;
        if (status >= 500) {
            LOG.warnf("report-service answered %d: %s", status, e.getMessage());
        }
        return page(shown, message);
    }

    @ServerExceptionMapper
    public Response down(ProcessingException e) {
        LOG.warnf("report-service is not reachable: %s", e.getMessage());
        return page(503, "Không kết nối được hệ thống báo cáo (report-service). Vui lòng thử lại sau.");
    }

    private Response page(int status, String message) {
        boolean loggedIn;
        try {
            loggedIn = user.loggedIn();
        } catch (RuntimeException e) {
            loggedIn = false;
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("status", status).data("message", message).data("user", loggedIn ? user : null)
                        .data("page", "error").render())
                .build();
    }
}

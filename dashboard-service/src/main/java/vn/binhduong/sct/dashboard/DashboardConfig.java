package vn.binhduong.sct.dashboard;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** {@code sct.dashboard.*}: what the launcher (or the deployment) tells the dashboard. */
@ConfigMapping(prefix = "sct.dashboard")
public interface DashboardConfig {
    /** Organisation the start page opens. */
    @WithDefault("DB-SCT")
    String organization();

    /** Seconds between two freshness checks of an open page. */
    @WithName("poll-seconds")
    @WithDefault("15")
    int pollSeconds();

    /** How long a login lasts (the local session cookie). */
    @WithName("session-ttl")
    @WithDefault("8H")
    Duration sessionTtl();

    Local local();

    interface Local {
        /** true: log in against the users file and mint tokens with the local key (the launcher). */
        @WithDefault("false")
        boolean enabled();

        /** PKCS#8 PEM private key (RSA or EC) that the services' tokens are verified against. */
        @WithName("signing-key")
        Optional<String> signingKey();

        @WithDefault("https://sct.binhduong.gov.vn/local")
        String issuer();

        /** username TAB password TAB role TAB cell-or-dash, one per line, # comments. */
        @WithName("users-file")
        Optional<String> usersFile();

        /** Lifetime of a token minted for one page's API calls. */
        @WithName("token-ttl")
        @WithDefault("5M")
        Duration tokenTtl();
    }
}

package vn.binhduong.sct.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The edge's checks of a raw request target and its per-caller rate, without a server. */
class EdgeFilterTest {
    @Test
    void aRequestTargetIsCheckedAsTheDatabaseWouldSeeItDecoded() {
        assertNull(EdgeFilter.check("/api/v1/members/ab%20c", true));
        assertNull(EdgeFilter.check("/api/v1/organizations/Chi%20b%E1%BB%99", true), "UTF-8 Vietnamese");
        assertNull(EdgeFilter.check("name=Chi+bộ&size=20", false), "raw non-ASCII as browsers send it");
        assertTrue(EdgeFilter.check("/api/v1/x/%00", true).contains("NUL"));
        assertTrue(EdgeFilter.check("text=a%00b", false).contains("NUL"));
        assertTrue(EdgeFilter.check("/api/v1/x/%zz", true).contains("percent escape"));
        assertTrue(EdgeFilter.check("/api/v1/x/%2", true).contains("percent escape"));
        assertTrue(EdgeFilter.check("/api/v1/x/%C3%28", true).contains("UTF-8"));
        assertTrue(EdgeFilter.check("/api/v1/x/%ED%A0%80", true).contains("UTF-8"), "an encoded lone surrogate");
        assertTrue(EdgeFilter.check("/api/v1/x/a%0Ab", true).contains("control"), "a line break in a path");
        assertNull(EdgeFilter.check("q=a%0Ab", false), "a line break is data in a query value");
    }

    @Test
    void aCallerOverItsRateWaitsAndABurstIsAllowed() {
        EdgeFilter.Bucket bucket = new EdgeFilter.Bucket(3);
        assertEquals(0, bucket.take(1, 3));
        assertEquals(0, bucket.take(1, 3));
        assertEquals(0, bucket.take(1, 3));
        long wait = bucket.take(1, 3);
        assertTrue(wait > 0 && wait <= 1000, "the fourth request at 1/s waits up to a second: " + wait);
    }
}

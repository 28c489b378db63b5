/**
 * Tests for {@link ReolinkStatus} and the per channel ability lookup, using replies of a Reolink Home Hub.
 *
 * @author Gerhard Braun - Initial contribution
 */
@NonNullByDefault
public class ReolinkStatusTest {

    @Test
    public void errorsAreDistinguished() {
        String notSupported = "[{\"cmd\":\"GetAutoReply\",\"code\":1,\"error\":{\"detail\":\"not support\",\"rspCode\":-9}}]";
        String loginExpired = "[{\"cmd\":\"GetHddInfo\",\"code\":1,\"error\":{\"detail\":\"please login first\",\"rspCode\":-6}}]";
        assertNull(ReolinkStatus.findValue(notSupported));
        assertTrue(ReolinkStatus.isNotSupported(notSupported));
        assertNull(ReolinkStatus.findValue(loginExpired));
        assertFalse(ReolinkStatus.isNotSupported(loginExpired));
        assertFalse(ReolinkStatus.isNotSupported("garbage"));
    }

    @Test
    public void loginRequiredIsDetected() {
        String pretty = "[\n{\n\"cmd\" : \"GetAbility\",\n\"code\" : 1,\n\"error\" :\n{\n"
                + "\"detail\" : \"please login first\",\n\"rspCode\" : -6\n}\n}\n]";
        assertTrue(ReolinkStatus.isLoginRequired(pretty));
        assertFalse(ReolinkStatus.isLoginRequired(
                "[{\"cmd\":\"GetAutoReply\",\"code\":1,\"error\":{\"detail\":\"not support\",\"rspCode\":-9}}]"));
        assertFalse(ReolinkStatus.isLoginRequired("[{\"cmd\":\"GetAudioCfg\",\"code\":0,\"value\":{}}]"));
        assertFalse(ReolinkStatus.isLoginRequired("\u00ff\u00d8 binary"));
    }

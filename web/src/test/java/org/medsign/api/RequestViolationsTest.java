package org.medsign.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.executable.ExecutableValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.medsign.device.BindRequest;
import org.medsign.device.DeviceInfo;
import org.medsign.device.api.DeviceResource;
import org.medsign.error.MedsignException;
import org.medsign.signing.batch.SignItem;
import org.medsign.signing.batch.SignRequest;
import org.medsign.signing.api.SigningResource;
import org.medsign.staff.api.SessionResource;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bodies checked as RESTEasy checks them (the resource method's {@code @Valid} parameter), then refused with a code. */
class RequestViolationsTest {

    private static final ExecutableValidator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator().forExecutables();
    private static final String TICKET = "AbCdEfGhIjKlMnOpQrStUv_-12";

    private static MedsignException refusal(Object resource, String method, Object body) {
        Method m = Arrays.stream(resource.getClass().getMethods()).filter(x -> x.getName().equals(method)).findFirst()
                .orElseThrow();
        Object[] arguments = m.getParameterCount() == 1 ? new Object[]{body} : new Object[]{"serial", body};
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validateParameters(resource, m, arguments);
        assertFalse(violations.isEmpty(), "refused");
        return RequestViolations.refusal(violations);
    }

    @Test
    void aMissingBodyIsNamedAsTheBody() {
        MedsignException e = refusal(new SessionResource(), "login", null);
        assertEquals("MS-9002", e.errorCode().code());
        assertArrayEquals(new Object[]{"body"}, e.arguments());
    }

    @Test
    void aFieldWithItsOwnCodeKeepsIt() {
        MedsignException e = refusal(new DeviceResource(),
                "bind", new BindRequest("../../etc", "X", null, new DeviceInfo("iOS", "17", "1.0.22", 8, "x"), null));
        assertEquals("MS-3009", e.errorCode().code(), "scan the portal's QR again, not 'update the app'");
        assertArrayEquals(new Object[]{"proof, publicKey, ticket"}, e.arguments());
    }

    @Test
    void fieldsAreNamedButTheirValuesNeverEchoed() {
        String password = "Medsign#2026" + "!".repeat(200);
        MedsignException e = refusal(new SessionResource(), "login", new SessionResource.Credentials("T0", "N0001", password));
        assertEquals("MS-1003", e.errorCode().code());
        Problem problem = Problems.problem(e, Locale.ENGLISH, "/medsign/api/v1/sessions");
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("password"), problem.detail());
        assertFalse(problem.detail().contains("Medsign#2026"), "the password is not in the answer");
    }

    @Test
    void aBadBatchNamesItsFirstFieldsAndHowManyFailed() {
        List<SignItem> items = IntStream.range(0, 7).mapToObj(i -> new SignItem(0, "MIAG" + i, null)).toList();
        MedsignException e = refusal(new SigningResource(), "sign", new SignRequest("5b0c2f9e-8a1d-4c3b", "d", items));
        assertEquals("MS-9002", e.errorCode().code());
        assertEquals("items[0].recordId, items[1].recordId, items[2].recordId, items[3].recordId, items[4].recordId, … (7)",
                e.arguments()[0]);
    }

    @Test
    void theProblemSpeaksTheAppsLanguage() {
        MedsignException e = refusal(new SigningResource(), "bind", new SigningResource.Binding("device", ""));
        Problem zh = Problems.problem(e, Locale.TAIWAN, null);
        Problem en = Problems.problem(e, Locale.ENGLISH, null);
        assertEquals("MS-9002", zh.code());
        assertEquals("請求內容格式錯誤：deviceSignature。", zh.detail());
        assertEquals("The request is malformed: deviceSignature.", en.detail());
    }
}

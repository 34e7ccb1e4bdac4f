package dev.firmaccess.keycloak.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void readsFieldsWithEscapesAndRepeatedNames() {
        var form = FormBody.parse("firstName=M%C3%BCller+%26+S%C3%B6hne&role=member&role=admin&empty=&flag");

        assertThat(form.getFirst("firstName")).isEqualTo("Müller & Söhne");
        assertThat(form.get("role")).containsExactly("member", "admin");
        assertThat(form.getFirst("empty")).isEmpty();
        assertThat(form.getFirst("flag")).isEmpty();
    }

    @Test
    void aMalformedEscapeAnywhereMakesAFormWithoutFields() {
        assertThat(FormBody.parse("form-token=abc&invitees=%ZZ")).isEmpty();
        assertThat(FormBody.parse("%")).isEmpty();
    }

    @Test
    void noBodyIsAFormWithoutFields() {
        assertThat(FormBody.parse(null)).isEmpty();
        assertThat(FormBody.parse("")).isEmpty();
    }
}

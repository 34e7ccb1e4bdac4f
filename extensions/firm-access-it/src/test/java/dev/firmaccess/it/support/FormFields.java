package dev.firmaccess.it.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What a browser sends for a form: its hidden fields (such as the page's form token) and what was typed. */
public final class FormFields {

    private FormFields() {
    }

    public static Map<String, String> of(Document page, String formId, Map<String, String> typed) {
        Element form = page.getElementById(formId);
        if (form == null) {
            throw new AssertionError("No form " + formId + " on " + page.location());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.putAll(typed);
        return fields;
    }
}

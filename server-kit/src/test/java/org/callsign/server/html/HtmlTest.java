package org.callsign.server.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "plain text stays | plain text stays",
                "<script>alert(1)</script> | &lt;script&gt;alert(1)&lt;/script&gt;",
                "\" onmouseover='x' | &quot; onmouseover=&#39;x&#39;",
                "fish & chips | fish &amp; chips",
                "already &amp; escaped | already &amp;amp; escaped",
                "Zoë's 📱 | Zoë&#39;s 📱",
                "NULL | ''"
            })
    void escapesTheCharactersThatEndTextOrAttributes(String text, String escaped) {
        assertEquals(escaped, Html.escape(text));
    }
}

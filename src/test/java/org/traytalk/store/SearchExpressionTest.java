package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchExpressionTest {

    @Test
    void wordsArePlainQuotedTerms() {
        assertThat(SearchExpression.of("lunch  today")).contains("\"lunch\" \"today\"");
    }

    @Test
    void trailingStarMakesAPrefix() {
        assertThat(SearchExpression.of("lun*")).contains("\"lun\"*");
        assertThat(SearchExpression.of("lun**")).contains("\"lun\"*");
    }

    @Test
    void quotedTextIsOnePhrase() {
        assertThat(SearchExpression.of("\"see you\" soon")).contains("\"see you\" \"soon\"");
        assertThat(SearchExpression.of("\"see yo\"*")).contains("\"see yo\"*");
    }

    @Test
    void operatorsAndColumnFiltersAreSearchedAsText() {
        assertThat(SearchExpression.of("AND OR NOT")).contains("\"AND\" \"OR\" \"NOT\"");
        assertThat(SearchExpression.of("body:x NEAR(a b)")).contains("\"body:x\" \"NEAR(a\" \"b)\"");
    }

    @Test
    void unclosedQuoteIsDroppedAndTheRestReadAsWords() {
        assertThat(SearchExpression.of("\"unbalanced words")).contains("\"unbalanced\" \"words\"");
        assertThat(SearchExpression.of("a\"b")).contains("\"a\" \"b\"");
    }

    @Test
    void controlCharactersSeparateWords() {
        assertThat(SearchExpression.of("a\u0000b")).contains("\"a\" \"b\"");
        assertThat(SearchExpression.of("\"x\u0000y\"")).contains("\"x y\"");
    }

    @Test
    void nothingToSearchForIsEmpty() {
        assertThat(SearchExpression.of(null)).isEmpty();
        assertThat(SearchExpression.of("   ")).isEmpty();
        assertThat(SearchExpression.of("* \"\" \"  \"")).isEmpty();
    }
}

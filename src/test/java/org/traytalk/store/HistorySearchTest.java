package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.traytalk.store.StoreFiles.T0;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;

class HistorySearchTest {
    @TempDir
    Path dir;
    MessageStore store;

    @BeforeEach
    void fill() {
        store = StoreFiles.open(dir.resolve("search.db"));
        store.saveInbound("Ann", null, 1, "Lunch at noon in the canteen?", false, T0, T0);
        store.saveOutgoing("Ann", false, 2, "see you at lunch", List.of("Ann"), T0.plusSeconds(1));
        store.saveInbound("Bob", null, 3, "the printer is jammed again", false, T0.plusSeconds(2), T0);
        store.saveOutgoing(ChatMessage.EVERYONE, true, 4, "Cake in the kitchen, see you there", List.of(),
                T0.plusSeconds(3));
        store.saveInbound("Bob", null, 5, "Café crème AND croissants OR tea", true, T0.plusSeconds(4), T0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> bodies(String peer, String search) {
        return store.history(new HistoryQuery(peer, search, 100)).stream().map(ChatMessage::body).toList();
    }

    @Test
    void everyWordMustMatchIgnoringCase() {
        assertThat(bodies(null, "LUNCH")).containsExactly("see you at lunch", "Lunch at noon in the canteen?");
        assertThat(bodies(null, "lunch noon")).containsExactly("Lunch at noon in the canteen?");
        assertThat(bodies(null, "lunch printer")).isEmpty();
    }

    @Test
    void starMakesAPrefix() {
        assertThat(bodies(null, "print*")).containsExactly("the printer is jammed again");
        assertThat(bodies(null, "print")).isEmpty();
    }

    @Test
    void quotedPhraseMatchesWordsInOrder() {
        assertThat(bodies(null, "\"see you\"")).containsExactly("Cake in the kitchen, see you there",
                "see you at lunch");
        assertThat(bodies(null, "\"you see\"")).isEmpty();
    }

    @Test
    void accentsAreIgnored() {
        assertThat(bodies(null, "cafe creme")).containsExactly("Café crème AND croissants OR tea");
    }

    @Test
    void searchCombinesWithPeerFilterAndLimit() {
        assertThat(bodies("ann", "see")).containsExactly("see you at lunch");
        assertThat(bodies(ChatMessage.EVERYONE, "see")).containsExactly("Cake in the kitchen, see you there");
        assertThat(store.history(new HistoryQuery(null, "see", 1))).extracting(ChatMessage::body)
                .containsExactly("Cake in the kitchen, see you there");
    }

    @Test
    void operatorWordsAreSearchedAsWords() {
        assertThat(bodies(null, "AND OR")).containsExactly("Café crème AND croissants OR tea");
        assertThat(bodies(null, "NOT")).isEmpty();
    }

    @Test
    void messagesStoredAfterASearchAreFoundByTheNext() {
        assertThat(bodies(null, "pizza")).isEmpty();
        store.saveInbound("Cy", null, 6, "pizza friday", false, T0.plusSeconds(5), T0);
        assertThat(bodies(null, "pizza")).containsExactly("pizza friday");
        store.saveInbound("Cy", null, 7, "more pizza", false, T0.plusSeconds(6), T0);
        assertThat(bodies(null, "pizza")).containsExactly("more pizza", "pizza friday");
    }

    @Test
    void blankSearchDoesNotFilter() {
        assertThat(bodies(null, "  ")).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "AND OR", "OR", "NOT lunch", "*", "lunch*)", "(lunch", "body:lunch",
            "NEAR(lunch see)", "lunch AND", "^lunch", "-lunch", "+lunch", "\"\"", "'", "\\", "{body}: x", "lunch\"*",
            "\u0000", "😀", "a\"b\"c\"", "lunch ** see"})
    void syntaxBreakingInputReturnsAListNotAnError(String search) {
        assertThatCode(() -> store.history(new HistoryQuery(null, search, 10))).doesNotThrowAnyException();
    }

    @Test
    void unbalancedQuoteStillFindsTheWords() {
        assertThat(bodies(null, "\"lunch noon")).containsExactly("Lunch at noon in the canteen?");
    }

    @Test
    void randomInputNeverThrows() {
        SplittableRandom random = new SplittableRandom(2026);
        String alphabet = "ab \"*()-+:^{}.,'\\ANDORNOTEAR\t\u0000\u0001\n";
        for (int run = 0; run < 2000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String search = text.toString();
            assertThatCode(() -> store.history(new HistoryQuery(null, search, 5)))
                    .as("search %s", search).doesNotThrowAnyException();
        }
    }
}

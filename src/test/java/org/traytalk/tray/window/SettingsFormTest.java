package org.traytalk.tray.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JTextArea;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.config.SettingKey;
import org.traytalk.config.SettingsFile;
import org.traytalk.testing.FakeMessenger;

class SettingsFormTest {
    @TempDir
    Path dir;
    private SettingsFile file;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @BeforeEach
    void createFile() throws IOException {
        file = new SettingsFile(dir.resolve(SettingsFile.FILE_NAME), "ALICE-PC");
        file.createIfMissing();
    }

    private SettingsForm form() {
        return Swing.call(() -> new SettingsForm(file, () -> file.load().settings(),
                Optional.of(FakeMessenger.fingerprintOf(1))));
    }

    /** The lines that set something (not comments, not blank). */
    private List<String> activeLines() throws IOException {
        return Files.readAllLines(file.path(), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.strip().startsWith("#")).toList();
    }

    @Test
    void showsEveryKeyWithItsExplanationAndTheCurrentValue() {
        SettingsForm form = form();
        Swing.run(() -> {
            List<String> help = Swing.all(form, JTextArea.class).stream().map(JTextArea::getText).toList();
            for (SettingKey key : SettingKey.values()) {
                assertThat(form.field(key)).as(key.key()).isNotNull();
                assertThat(help).as(key.key()).contains(key.explanation());
            }
            assertThat(form.field(SettingKey.NAME).value()).isEqualTo("ALICE-PC");
            assertThat(form.field(SettingKey.UDP_PORT).value()).isEqualTo("42138");
            assertThat(form.field(SettingKey.CARRIERS)).isInstanceOf(CarriersField.class);
            assertThat(form.field(SettingKey.ALERT_SOUND)).isInstanceOf(OnOffField.class);
            assertThat(form.field(SettingKey.NETBIOS_NAME_SERVICE).value()).isEqualTo("on");
            assertThat(Swing.all(form, JLabel.class)).extracting(JLabel::getText)
                    .contains("You", "Network", "Delivery", "Pop-ups", "These apply at the next start of TrayTalk.");
            assertThat(form.saveButton().isEnabled()).as("nothing to save yet").isFalse();
        });
    }

    @Test
    void everyFieldAndButtonHasASpokenNameAndNoTextIsTakenForHtml() throws IOException {
        Files.writeString(file.path(), "name = <html><b>ALICE\nstatus = <html><img src=http://x>\n");
        SettingsForm form = form();
        Swing.run(() -> {
            List<Component> all = Swing.all(form, Component.class);
            assertThat(Swing.unnamedControls(all)).as("controls without a spoken name").isEmpty();
            assertThat(Swing.shownTexts(all)).noneMatch(BasicHTML::isHTMLString);
        });
    }

    @Test
    void showsThisTrayTalksCodeUnderTrustToReadOutNotToEdit() {
        SettingsForm form = form();
        Swing.run(() -> {
            JTextArea code = Swing.all(form, JTextArea.class).stream().filter(a -> "fingerprint".equals(a.getName()))
                    .findFirst().orElseThrow();
            assertThat(CodeText.of(code)).isEqualTo(FakeMessenger.fingerprintOf(1).code());
            assertThat(code.isEditable()).isFalse();
            assertThat(form.hasChanges()).as("the code is no setting").isFalse();
        });
        assertThat(CodeText.inTwoLines("ABCD-EFGH-IJKL-MNOP-QRST-UVWX")).isEqualTo("ABCD-EFGH-IJKL\nMNOP-QRST-UVWX");
    }

    @Test
    void networkSettingsAreMarkedForTheNextStartAndTheRestApplyLive() {
        assertThat(Arrays.stream(SettingKey.values()).filter(k -> !SettingSection.appliesLive(k)))
                .containsExactlyInAnyOrder(SettingKey.GROUP, SettingKey.CARRIERS, SettingKey.UDP_PORT,
                        SettingKey.NETWORK_INTERFACES, SettingKey.UDP_TARGETS, SettingKey.LEGACY_CODEPAGE,
                        SettingKey.NETBIOS_WORKGROUP, SettingKey.NETBIOS_NAME_SERVICE, SettingKey.GROUP_PASSPHRASE);
    }

    @Test
    void aBadPortShowsItsProblemUnderTheFieldAndDisablesSave() {
        SettingsForm form = form();
        Swing.run(() -> {
            NumberField port = (NumberField) form.field(SettingKey.UDP_PORT);
            port.text().setText("80");
            JLabel problem = form.problemLabel(SettingKey.UDP_PORT);
            assertThat(problem.isVisible()).isTrue();
            assertThat(problem.getText()).isEqualTo("Out of range, a whole number from 1024 to 65535.");
            assertThat(form.saveButton().isEnabled()).isFalse();
            assertThat(form.save()).isEmpty();

            port.text().setText("42139");
            assertThat(problem.isVisible()).isFalse();
            assertThat(form.saveButton().isEnabled()).isTrue();
        });
    }

    @Test
    void otherBadValuesAreRefusedToo() {
        SettingsForm form = form();
        Swing.run(() -> {
            ((TextField) form.field(SettingKey.NAME)).field().setText("*");
            assertThat(form.problemLabel(SettingKey.NAME).getText()).contains("means everyone");
            CarriersField carriers = (CarriersField) form.field(SettingKey.CARRIERS);
            carriers.box("udp").setSelected(false);
            assertThat(carriers.value()).isEmpty();
            assertThat(form.problemLabel(SettingKey.CARRIERS).getText()).isEqualTo("At least one carrier is needed.");
            ((TextField) form.field(SettingKey.UDP_TARGETS)).field().setText("<html><b>x");
            assertThat(form.problemLabel(SettingKey.UDP_TARGETS).getText()).doesNotStartWith("<");
            assertThat(form.saveButton().isEnabled()).isFalse();
        });
    }

    @Test
    void saveWritesOnlyTheChangedKeysAndAReloadShowsThem() throws IOException {
        SettingsForm form = form();
        List<String> before = activeLines();
        Swing.run(() -> {
            ((NumberField) form.field(SettingKey.UDP_PORT)).text().setText("42139");
            ((OnOffField) form.field(SettingKey.ALERT_SOUND)).box().setSelected(true);
            CarriersField carriers = (CarriersField) form.field(SettingKey.CARRIERS);
            carriers.box("netbios").setSelected(true);
            form.saveButton().doClick();
            assertThat(form.statusLabel().getText()).isEqualTo(
                    "Saved 3 changes. Network changes apply at the next start.");
            assertThat(form.saveButton().isEnabled()).as("saved: nothing left to save").isFalse();
        });
        assertThat(before).isEmpty();
        assertThat(activeLines()).containsExactlyInAnyOrder("udp.port = 42139", "alerts.sound = on",
                "carriers = udp, netbios");

        SettingsForm reopened = form();
        Swing.run(() -> {
            assertThat(reopened.field(SettingKey.UDP_PORT).value()).isEqualTo("42139");
            assertThat(reopened.field(SettingKey.ALERT_SOUND).value()).isEqualTo("on");
            assertThat(reopened.field(SettingKey.CARRIERS).value()).isEqualTo("udp, netbios");
            assertThat(reopened.hasChanges()).isFalse();
        });
    }

    @Test
    void revertDropsEditsAndLiveSettingsSayTheyApplyNow() throws IOException {
        SettingsForm form = form();
        Swing.run(() -> {
            ((TextField) form.field(SettingKey.NAME)).field().setText("  Alice  ");
            assertThat(form.save()).containsExactly(SettingKey.NAME);
            assertThat(form.statusLabel().getText()).isEqualTo("Saved 1 change. Applied now.");
            ((TextField) form.field(SettingKey.NAME)).field().setText("Mallory");
            form.reload();
            assertThat(form.field(SettingKey.NAME).value()).isEqualTo("Alice");
            assertThat(form.hasChanges()).isFalse();
        });
        assertThat(activeLines()).containsExactly("name = Alice");
    }
}

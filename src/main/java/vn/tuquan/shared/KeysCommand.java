package vn.tuquan.shared;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./tuquan keys …}: the data keys of encrypted fields. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Khoá mã hoá dữ liệu nhạy cảm. / The data keys of encrypted fields.",
        subcommands = {KeysCommand.Rotate.class})
public class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Tạo khoá mới (tệp trong <thư mục dữ liệu>/keys) và mã hoá lại mọi giá trị đã mã hoá theo từng lô.",
                    "Create a new key file in <data dir>/keys and re-encrypt every encrypted value with it, in batches."})
    static class Rotate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--batch-size", defaultValue = "500", description = "rows per transaction (default 500)")
        int batchSize;

        @Option(names = "--lang", defaultValue = "vi", description = "language of the messages: vi or en")
        String language;

        @Override
        public Integer call() {
            Locale locale = Locale.forLanguageTag("en".equals(language) ? "en" : "vi");
            try (ConfigurableApplicationContext context = CommandContexts.open()) {
                MessageSource messages = context.getBean(MessageSource.class);
                if (context.getBean(FieldCipher.class).keyFromEnvironment()) {
                    spec.commandLine().getErr().println(messages.getMessage("keys.rotate.envKey", null, locale));
                    return 1;
                }
                DataKeyRotated rotated = context.getBean(KeyRotation.class).rotate(batchSize);
                spec.commandLine().getOut().println(messages.getMessage("keys.rotate.done",
                        new Object[] {rotated.keyId(), rotated.reencrypted()}, locale));
                return 0;
            }
        }
    }
}

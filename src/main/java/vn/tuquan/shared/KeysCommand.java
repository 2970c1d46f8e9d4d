package vn.tuquan.shared;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./tuquan keys …}: the data keys of encrypted fields. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Khoá mã hoá dữ liệu nhạy cảm. / The data keys of encrypted fields.",
        subcommands = {KeysCommand.Rotate.class})
public class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = {
                "Tạo khoá mới (tệp trong <thư mục dữ liệu>/keys) và mã hoá lại mọi giá trị đã mã hoá theo từng lô;"
                        + " Tuquan đang chạy dùng khoá mới ngay.",
                "Create a new key file in <data dir>/keys and re-encrypt every encrypted value with it, in batches;"
                        + " a running Tuquan reads and writes with the new key at once."
            })
    static class Rotate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--batch-size", defaultValue = "500", description = "rows per transaction (default 500)")
        int batchSize;

        @Option(names = "--lang", defaultValue = "vi", description = "language of the messages: vi or en")
        String language;

        @Option(names = "--json", description = "print a JSON object: keyId, reencrypted")
        boolean json;

        @Override
        public Integer call() {
            Locale locale = Named.locale(language);
            try (ConfigurableApplicationContext context = CommandContexts.open()) {
                MessageSource messages = context.getBean(MessageSource.class);
                if (context.getBean(FieldCipher.class).keyFromEnvironment()) {
                    spec.commandLine().getErr().println(messages.getMessage("keys.rotate.envKey", null, locale));
                    return 1;
                }
                DataKeyRotated rotated = context.getBean(KeyRotation.class).rotate(batchSize);
                spec.commandLine()
                        .getOut()
                        .println(
                                json
                                        ? JsonMapper.builder()
                                                .build()
                                                .writeValueAsString(Map.of(
                                                        "keyId", rotated.keyId(), "reencrypted", rotated.reencrypted()))
                                        : messages.getMessage(
                                                "keys.rotate.done",
                                                new Object[] {rotated.keyId(), rotated.reencrypted()},
                                                locale));
                return 0;
            }
        }
    }
}

package vn.binhduong.sct.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraTest {

    @TempDir
    Path dir;

    @Test
    void postgresKeepsDataAcrossRestartAndStoresVietnameseText() throws Exception {
        String text = "Đảng bộ Sở Công Thương";
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg"), 0, true)) {
            String url = pg.ensureDatabase("member_service");
            try (Connection c = DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (v text)");
                st.execute("INSERT INTO t VALUES ('" + text + "')");
            }
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("pg"), 0, false);
             Connection c = DriverManager.getConnection(pg.ensureDatabase("member_service"), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v, current_setting('server_encoding') FROM t")) {
            assertTrue(rs.next());
            assertEquals(text, rs.getString(1));
            assertEquals("UTF8", rs.getString(2));
        }
    }

    @Test
    void kafkaDeliversAMessageAndKeepsItAcrossRestart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, true)) {
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            pp.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t1", "k", "xin chào")).get(30, TimeUnit.SECONDS);
            }
            kafka.restart();
            assertTrue(Files.exists(dir.resolve("kafka/data/meta.properties")));
            Properties cp = new Properties();
            cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            cp.put(ConsumerConfig.GROUP_ID_CONFIG, "g");
            cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("t1"));
                String got = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (got == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    for (var r : records) {
                        got = r.value();
                    }
                }
                assertEquals("xin chào", got);
            }
        }
    }
}

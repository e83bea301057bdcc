package io.geoscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Geoscope in a real meeting server's join path: Debian's Prosody 0.12 with {@code mod_geoscope}
 * on two MUC components (fail closed and fail open), geo-server on loopback, and real XMPP clients
 * over BOSH, each presenting a public address in X-Forwarded-For through the trusted loopback
 * proxy. The test starts both itself (a generated Prosody config in a temporary directory, free
 * loopback ports) because it must stop geo-server to prove the fail modes. Skipped only when no
 * {@code prosody} can be found and the run is not CI ({@code CI=true} or {@code
 * GEOSCOPE_REQUIRE_PROSODY=1} make it fail instead; {@code .ci/run} installs Prosody and sets
 * {@code GEOSCOPE_REQUIRE_PROSODY=0} only when the package manager is unreachable).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProsodyEndToEndTest {
  private static final String DOMAIN = "localhost";
  private static final String CLOSED = "conference.localhost";
  private static final String OPEN = "open.localhost";
  private static final String MEMORIAL = "memorial@" + CLOSED;
  private static final String PLAIN = "plain@" + CLOSED;
  private static final String REASON = "not available from CN-BJ under Cybersecurity Law of the PRC, art. 12";
  private static final String UNAVAILABLE = "The admission check is unavailable; please try again later.";

  @TempDir static Path dir;
  static Process prosody;
  static GeoServer server;
  static URI bosh;
  static Path prosodyLog;
  static final List<String> serverLog = new ArrayList<>();
  static final java.util.logging.Handler CAPTURE = new java.util.logging.Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (serverLog) {
        serverLog.add(new java.util.logging.SimpleFormatter().formatMessage(r));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  static final List<BoshClient> clients = new ArrayList<>();
  static BoshClient host;
  static BoshClient coHost;
  static BoshClient ru;

  static Path prosodyBinary() {
    String configured = System.getenv("GEOSCOPE_PROSODY");
    for (String candidate : new String[] {configured, "/usr/bin/prosody", "/usr/local/bin/prosody"}) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    Path binary = prosodyBinary();
    // .ci/run sets GEOSCOPE_REQUIRE_PROSODY=1 once Prosody is installed, or 0 when the package
    // manager could not be reached; otherwise CI=true alone makes a missing Prosody a failure.
    String require = System.getenv("GEOSCOPE_REQUIRE_PROSODY");
    boolean required = "1".equals(require) || ("true".equals(System.getenv("CI")) && !"0".equals(require));
    if (binary == null) {
      if (required) {
        throw new AssertionError("prosody is required under CI (install Debian's prosody; .ci/run does)");
      }
      Assumptions.abort("prosody is not installed (apt-get install prosody); the Prosody end-to-end test is skipped");
    }
    Logger log = Logger.getLogger("io.geoscope.server");
    log.setLevel(Level.ALL);
    log.addHandler(CAPTURE);
    server = GeoServer.start(TestFiles.config(dir).withReloadInterval(Duration.ZERO));
    // A cold JVM (and coverage instrumentation) makes the first decision slow; warm it up so the
    // module's timeout measures the service, not class loading.
    HttpResponse<String> warm = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(server.uri().resolve("/v1/decide"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"participant\":{\"id\":\"warm-up\"}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(warm.statusCode()).isEqualTo(200);
    int httpPort = freePort();
    int c2sPort = freePort();
    Path module = Path.of("prosody").toAbsolutePath();
    assertThat(module.resolve("mod_geoscope.lua")).exists();
    prosodyLog = dir.resolve("prosody.log");
    Files.createDirectories(dir.resolve("data"));
    String decide = server.uri().resolve("/v1/decide").toString();
    String config = String.join("\n",
        "run_as_root = true",
        "pidfile = \"" + dir.resolve("prosody.pid") + "\"",
        "data_path = \"" + dir.resolve("data") + "\"",
        "certificates = \"" + dir.resolve("certs") + "\"",
        "log = { info = \"" + prosodyLog + "\" }",
        "plugin_paths = { \"" + module + "\" }",
        "modules_enabled = { \"saslauth\", \"disco\", \"bosh\", \"ping\" }",
        "modules_disabled = { \"s2s\", \"tls\" }",
        "c2s_ports = { " + c2sPort + " }",
        "c2s_interfaces = { \"127.0.0.1\" }",
        "s2s_ports = { }",
        "http_ports = { " + httpPort + " }",
        "http_interfaces = { \"127.0.0.1\" }",
        "https_ports = { }",
        "trusted_proxies = { \"127.0.0.1\" }",
        "consider_bosh_secure = true",
        "c2s_require_encryption = false",
        "authentication = \"anonymous\"",
        "VirtualHost \"" + DOMAIN + "\"",
        "Component \"" + CLOSED + "\" \"muc\"",
        "    modules_enabled = { \"geoscope\" }",
        "    muc_room_locking = false",
        "    geoscope_url = \"" + decide + "\"",
        "    geoscope_fail_mode = \"closed\"",
        "    geoscope_timeout = 10",
        "    geoscope_room_tags = { [\"memorial\"] = { \"june-fourth\" } }",
        "Component \"" + OPEN + "\" \"muc\"",
        "    modules_enabled = { \"geoscope\" }",
        "    muc_room_locking = false",
        "    geoscope_url = \"" + decide + "\"",
        "    geoscope_fail_mode = \"open\"",
        "    geoscope_timeout = 10",
        "    geoscope_room_tags = { [\"memorial\"] = { \"june-fourth\" } }",
        "");
    Path cfg = Files.writeString(dir.resolve("prosody.cfg.lua"), config);
    prosody = new ProcessBuilder(binary.toString(), "-F", "--config", cfg.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("prosody.out").toFile()).start();
    bosh = URI.create("http://127.0.0.1:" + httpPort + "/http-bind");
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(bosh).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!prosody.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("prosody did not start: " + Files.readString(dir.resolve("prosody.out")));
      }
      prosody.waitFor(100, TimeUnit.MILLISECONDS);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (BoshClient c : clients) {
      c.close();
    }
    if (server != null) {
      server.close();
    }
    if (prosody != null) {
      prosody.destroy();
      if (!prosody.waitFor(10, TimeUnit.SECONDS)) {
        prosody.destroyForcibly();
      }
    }
    Logger.getLogger("io.geoscope.server").removeHandler(CAPTURE);
  }

  static BoshClient client(String address) throws Exception {
    BoshClient c = new BoshClient(bosh, DOMAIN, address);
    c.login();
    clients.add(c);
    return c;
  }

  static Predicate<Element> presenceFrom(String occupant) {
    return e -> e.getLocalName().equals("presence") && occupant.equals(e.getAttribute("from"));
  }

  static boolean hasStatus(Element presence, String code) {
    var statuses = presence.getElementsByTagNameNS("http://jabber.org/protocol/muc#user", "status");
    for (int i = 0; i < statuses.getLength(); i++) {
      if (code.equals(((Element) statuses.item(i)).getAttribute("code"))) {
        return true;
      }
    }
    return false;
  }

  /** Joins and returns the answer: the self-presence (status 110) or the error presence. */
  static Element join(BoshClient c, String room, String nick) throws Exception {
    String occupant = room + "/" + nick;
    c.send("<presence to='" + occupant + "' xmlns='jabber:client'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
    return c.await(presenceFrom(occupant).and(e -> "error".equals(e.getAttribute("type")) || hasStatus(e, "110")),
        "answer to the join of " + occupant);
  }

  static boolean joined(Element answer) {
    return !"error".equals(answer.getAttribute("type")) && hasStatus(answer, "110");
  }

  static String errorCondition(Element stanza) {
    Element error = (Element) stanza.getElementsByTagName("error").item(0);
    for (Node n = error.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "urn:ietf:params:xml:ns:xmpp-stanzas".equals(e.getNamespaceURI())
          && !e.getLocalName().equals("text")) {
        return e.getLocalName();
      }
    }
    return "";
  }

  static String errorText(Element stanza) {
    var texts = stanza.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "text");
    return texts.getLength() == 0 ? "" : texts.item(0).getTextContent();
  }

  static void say(BoshClient c, String room, String text) throws Exception {
    c.send("<message to='" + room + "' type='groupchat' xmlns='jabber:client'><body>" + text + "</body></message>");
  }

  static Predicate<Element> groupchat(String room, String nick, String text) {
    return e -> e.getLocalName().equals("message") && "groupchat".equals(e.getAttribute("type"))
        && (room + "/" + nick).equals(e.getAttribute("from"))
        && e.getElementsByTagName("body").getLength() > 0
        && text.equals(e.getElementsByTagName("body").item(0).getTextContent());
  }

  @Test
  @Order(1)
  void aUsHostAndAHongKongCoHostCreateAndJoinTheRoom() throws Exception {
    host = client(TestFiles.US);
    assertThat(joined(join(host, MEMORIAL, "host"))).isTrue();
    coHost = client(TestFiles.HK);
    assertThat(joined(join(coHost, MEMORIAL, "cohost"))).isTrue();
    host.await(presenceFrom(MEMORIAL + "/cohost"), "the co-host's presence at the host");
  }

  @Test
  @Order(2)
  void aParticipantInMainlandChinaIsRefusedInTheJuneFourthRoomWithTheReasonAndJoinsAnUntaggedRoom() throws Exception {
    BoshClient cn = client(TestFiles.CN);
    Element refused = join(cn, MEMORIAL, "guest");
    assertThat(refused.getAttribute("type")).isEqualTo("error");
    assertThat(errorCondition(refused)).isEqualTo("not-allowed");
    assertThat(errorText(refused)).isEqualTo(REASON);
    assertThat(joined(join(cn, PLAIN, "guest"))).isTrue();
  }

  @Test
  @Order(3)
  void aParticipantInAChatRestrictedPlaceJoinsButCannotChatWhileEveryoneElseCan() throws Exception {
    ru = client(TestFiles.RU);
    assertThat(joined(join(ru, MEMORIAL, "ru"))).isTrue();
    say(ru, MEMORIAL, "hello from ru");
    Element bounced = ru.await(e -> e.getLocalName().equals("message") && "error".equals(e.getAttribute("type")),
        "the error for the restricted message");
    assertThat(errorCondition(bounced)).isEqualTo("not-allowed");
    assertThat(errorText(bounced)).contains("Chat is not available").contains("Test rule 1");
    say(host, MEMORIAL, "hello from host");
    say(coHost, MEMORIAL, "hello from cohost");
    for (BoshClient c : List.of(host, coHost, ru)) {
      c.await(groupchat(MEMORIAL, "host", "hello from host"), "the host's message");
      c.await(groupchat(MEMORIAL, "cohost", "hello from cohost"), "the co-host's message");
    }
    for (BoshClient c : List.of(host, coHost, ru)) {
      assertThat(c.received()).noneMatch(groupchat(MEMORIAL, "ru", "hello from ru"));
    }
  }

  @Test
  @Order(4)
  void afterTheRefusalsTheRoomStillHoldsEveryOtherOccupant() throws Exception {
    host.send("<iq type='get' id='info1' to='" + MEMORIAL + "' xmlns='jabber:client'>"
        + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
    Element info = host.await(e -> "info1".equals(e.getAttribute("id")), "the room's disco#info");
    assertThat(info.getAttribute("type")).isEqualTo("result");
    var fields = info.getElementsByTagNameNS("jabber:x:data", "field");
    String occupants = "";
    for (int i = 0; i < fields.getLength(); i++) {
      Element f = (Element) fields.item(i);
      if ("muc#roominfo_occupants".equals(f.getAttribute("var"))) {
        occupants = f.getTextContent().strip();
      }
    }
    assertThat(occupants).isEqualTo("3");
    for (String nick : List.of("host", "cohost", "ru")) {
      assertThat(host.received()).noneMatch(presenceFrom(MEMORIAL + "/" + nick)
          .and(e -> "unavailable".equals(e.getAttribute("type"))));
    }
  }

  @Test
  @Order(5)
  void withGeoServerStoppedTheClosedComponentRefusesAndTheOpenOneAdmits() throws Exception {
    server.close();
    BoshClient late = client(TestFiles.US);
    Element refused = join(late, MEMORIAL, "late");
    assertThat(errorCondition(refused)).isEqualTo("not-allowed");
    assertThat(errorText(refused)).isEqualTo(UNAVAILABLE);
    assertThat(joined(join(late, "memorial@" + OPEN, "late"))).isTrue();
    BoshClient lateCn = client(TestFiles.CN);
    assertThat(joined(join(lateCn, "memorial@" + OPEN, "late-cn"))).as("fail open admits everyone").isTrue();
  }

  @Test
  @Order(6)
  void neitherProsodysLogNorGeoServersLogHoldsAClientAddress() throws Exception {
    String log = Files.readString(prosodyLog);
    assertThat(log).contains("geoscope").contains("join to " + MEMORIAL + " refused: deny in CN-BJ")
        .contains("admitted without chat: RU-MOW").contains("fail closed").contains("fail open");
    for (String ip : TestFiles.ALL) {
      assertThat(log).doesNotContain(ip);
    }
    synchronized (serverLog) {
      assertThat(serverLog).isNotEmpty();
      for (String line : serverLog) {
        for (String ip : TestFiles.ALL) {
          assertThat(line).doesNotContain(ip);
        }
      }
    }
  }
}

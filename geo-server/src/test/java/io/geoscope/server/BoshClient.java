package io.geoscope.server;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A minimal XMPP client over BOSH (XEP-0124/XEP-0206) on the JDK's HTTP client, so each test
 * client can present its own public address in X-Forwarded-For to a Prosody that trusts the
 * loopback proxy. Anonymous SASL login, resource binding, then raw stanzas. Not thread-safe.
 */
final class BoshClient {
  private static final String NS_BOSH = "http://jabber.org/protocol/httpbind";
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;
  private final String domain;
  private final String forwardedFor;
  private final List<Element> received = new ArrayList<>();
  private long rid = 1_000_000L + (long) (Math.random() * 1_000_000);
  private String sid = "";
  private String jid = "";

  BoshClient(URI endpoint, String domain, String forwardedFor) {
    this.endpoint = endpoint;
    this.domain = domain;
    this.forwardedFor = forwardedFor;
  }

  /** Opens the session, logs in anonymously and binds a resource; returns the full JID. */
  String login() throws Exception {
    Element body = post("<body rid='" + rid++ + "' to='" + domain + "' xml:lang='en' wait='1' hold='1'"
        + " ver='1.6' xmpp:version='1.0' xmlns='" + NS_BOSH + "' xmlns:xmpp='urn:xmpp:xbosh'/>");
    sid = body.getAttribute("sid");
    if (sid.isEmpty()) {
      throw new IllegalStateException("no BOSH session");
    }
    send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='ANONYMOUS'/>");
    await(e -> e.getLocalName().equals("success"), "SASL success");
    post("<body rid='" + rid++ + "' sid='" + sid + "' to='" + domain + "' xml:lang='en' xmpp:restart='true'"
        + " xmlns='" + NS_BOSH + "' xmlns:xmpp='urn:xmpp:xbosh'/>");
    send("<iq type='set' id='bind1' xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
    Element iq = await(e -> "bind1".equals(e.getAttribute("id")), "bind result");
    jid = iq.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-bind", "jid").item(0).getTextContent();
    send("<iq type='set' id='sess1' xmlns='jabber:client'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
    return jid;
  }

  String jid() {
    return jid;
  }

  /** Sends stanzas (may be empty: a poll); keeps whatever the response carries. */
  void send(String stanzas) throws Exception {
    post("<body rid='" + rid++ + "' sid='" + sid + "' xmlns='" + NS_BOSH + "'>" + stanzas + "</body>");
  }

  /** Every element received so far. */
  List<Element> received() {
    return received;
  }

  /** Polls until an element matches, or fails after 15 s. */
  Element await(Predicate<Element> match, String what) throws Exception {
    Instant deadline = Instant.now().plusSeconds(15);
    int seen = 0;
    while (true) {
      for (int i = seen; i < received.size(); i++) {
        if (match.test(received.get(i))) {
          return received.get(i);
        }
      }
      seen = received.size();
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no " + what + " within 15 s; received " + received.size() + " elements");
      }
      send("");
    }
  }

  /** Polls for a while (the server holds each poll up to 1 s), collecting whatever arrives. */
  void drain(int polls) throws Exception {
    for (int i = 0; i < polls; i++) {
      send("");
    }
  }

  void close() {
    try {
      post("<body rid='" + rid++ + "' sid='" + sid + "' type='terminate' xmlns='" + NS_BOSH + "'>"
          + "<presence type='unavailable' xmlns='jabber:client'/></body>");
    } catch (Exception e) {
      // The session times out on the server anyway.
    }
  }

  private Element post(String xml) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("X-Forwarded-For", forwardedFor)
        .POST(HttpRequest.BodyPublishers.ofString(xml)).build();
    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("BOSH answered " + r.statusCode());
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Element body = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body())).getDocumentElement();
    if ("terminate".equals(body.getAttribute("type")) && body.hasAttribute("condition")) {
      throw new IllegalStateException("BOSH session terminated: " + body.getAttribute("condition"));
    }
    for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        received.add(e);
      }
    }
    return body;
  }

  /** A unique nickname part. */
  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static String text(Element e) {
    return new String(e.getTextContent().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}

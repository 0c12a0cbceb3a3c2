package dev.kippu.deploy.shared;

import java.util.List;
import java.util.Optional;

/**
 * The shared stack's settings, from the app's context (docs/infrastructure.md lists the keys).
 *
 * @param prefix             names the table, the queues, the exports ({@code <prefix>-TableName}) and the stack
 * @param deletionProtection keep the data when the stack goes: the table, the user pool and the media bucket are
 *                           retained and protected; off, they are deleted with it (buckets emptied first)
 * @param phoneVerification  ask for a phone number at sign-up and verify it by SMS (SMS costs money)
 * @param google             sign-in with Google through the hosted UI, when its client is given
 * @param domain             the site's own domain name, when given: certificate in us-east-1, Route 53 alias
 * @param senderAddress      the e-mail address mails come from; SES verifies it (or the domain's identity covers it)
 * @param extraWebOrigins    origins besides the site's that may upload from a browser and sign in
 *                           (a local web server: {@code http://localhost:3000})
 * @param maxAzs             availability zones of the VPC (at least two)
 * @param natGateways        NAT gateways (0: no internet from private subnets, only the endpoints)
 * @param interfaceEndpoints the VPC's interface endpoints (SQS, SES, CloudWatch Logs, Cognito), which runtimes in
 *                           the VPC without NAT need; each costs by the hour in every zone
 * @param slack              where AWS Chatbot posts the operators' alarms, when given
 * @param lineSecretName     the Secrets Manager secret ({@code {"channelAccessToken": "...", "to": "..."}}) of the
 *                           LINE channel the operators' alarms go to, when given
 * @param api                the origin of {@code /graphql*} on the distribution, once a runtime is deployed
 */
public record SharedSettings(
        String prefix,
        boolean deletionProtection,
        boolean phoneVerification,
        Optional<GoogleSignIn> google,
        Optional<CustomDomain> domain,
        String senderAddress,
        List<String> extraWebOrigins,
        int maxAzs,
        int natGateways,
        boolean interfaceEndpoints,
        Optional<SlackChannel> slack,
        Optional<String> lineSecretName,
        Optional<ApiOrigin> api) {

    /** Used when no sender and no domain are given, so that the stack synthesises; SES cannot verify it. */
    public static final String PLACEHOLDER_SENDER = "no-reply@example.com";

    public SharedSettings {
        if (maxAzs < 2) {
            throw new IllegalArgumentException("kippu:maxAzs is at least 2: the VPC spans two availability zones or more");
        }
        if (natGateways < 0 || natGateways > maxAzs) {
            throw new IllegalArgumentException("kippu:natGateways is between 0 and kippu:maxAzs, not " + natGateways);
        }
        extraWebOrigins = List.copyOf(extraWebOrigins);
    }

    public static SharedSettings from(Context context) {
        Optional<CustomDomain> domain = context.text("kippu:domainName").map(name -> new CustomDomain(name,
                context.text("kippu:hostedZoneId").orElseThrow(() -> missing("kippu:hostedZoneId", "kippu:domainName")),
                context.text("kippu:hostedZoneName").orElseThrow(() -> missing("kippu:hostedZoneName", "kippu:domainName"))));
        String prefix = context.text("kippu:prefix", "kippu");
        Optional<GoogleSignIn> google = context.text("kippu:googleClientId").map(clientId -> new GoogleSignIn(clientId,
                context.text("kippu:googleClientSecretName").orElseThrow(() -> missing("kippu:googleClientSecretName", "kippu:googleClientId")),
                context.text("kippu:authDomainPrefix")));
        Optional<SlackChannel> slack = context.text("kippu:slackChannelId").map(channel -> new SlackChannel(
                context.text("kippu:slackWorkspaceId").orElseThrow(() -> missing("kippu:slackWorkspaceId", "kippu:slackChannelId")), channel));
        Optional<ApiOrigin> api = context.text("kippu:apiOrigin").map(host -> new ApiOrigin(host,
                ApiOrigin.Kind.of(context.choice("kippu:apiOriginType", "lambda-url", List.of("lambda-url", "https", "vpc"))),
                context.text("kippu:apiVpcOriginId")));
        return new SharedSettings(
                prefix,
                context.flag("kippu:deletionProtection", true),
                context.flag("kippu:phoneVerification", false),
                google,
                domain,
                context.text("kippu:senderAddress").orElseGet(() -> domain.map(d -> "no-reply@" + d.zoneName()).orElse(PLACEHOLDER_SENDER)),
                context.list("kippu:webOrigins"),
                context.number("kippu:maxAzs", 2),
                context.number("kippu:natGateways", 0),
                context.flag("kippu:interfaceEndpoints", false),
                slack,
                context.text("kippu:lineSecretName"),
                api);
    }

    private static IllegalArgumentException missing(String key, String because) {
        return new IllegalArgumentException("context " + key + " is needed with " + because);
    }

    /**
     * @param clientId         the Google OAuth client's id
     * @param clientSecretName the Secrets Manager secret holding the client's secret (plain text)
     * @param domainPrefix     the hosted UI's domain prefix ({@code <prefix>.auth.<region>.amazoncognito.com});
     *                         {@code <kippu:prefix>-<account>} when not given
     */
    public record GoogleSignIn(String clientId, String clientSecretName, Optional<String> domainPrefix) {
    }

    /**
     * @param name     the site's host name, e.g. {@code tickets.example.com}
     * @param zoneId   the Route 53 public hosted zone that holds it
     * @param zoneName that zone's name, e.g. {@code example.com}
     */
    public record CustomDomain(String name, String zoneId, String zoneName) {
    }

    public record SlackChannel(String workspaceId, String channelId) {
    }

    /**
     * @param host        the API's host name: a Lambda Function URL's ({@code <id>.lambda-url.<region>.on.aws}), an HTTP
     *                    API's, a Cloud Run service's; for a VPC origin, the internal load balancer's (or its own name
     *                    with HTTPS), which CloudFront sends as Host and, with HTTPS, as the TLS server name
     * @param kind        a Function URL is signed by CloudFront (origin access control); an HTTPS origin is not; a VPC
     *                    origin (deploy-fargate's internal load balancer) is reached inside the VPC, never over the internet
     * @param vpcOriginId the CloudFront VPC origin's id (Fargate's {@code ApiVpcOriginId}), for a VPC origin
     */
    public record ApiOrigin(String host, Kind kind, Optional<String> vpcOriginId) {

        public ApiOrigin {
            if ((kind == Kind.VPC) != vpcOriginId.isPresent()) {
                throw new IllegalArgumentException("kippu:apiVpcOriginId goes with kippu:apiOriginType=vpc, and only with it: "
                        + "the id of the VPC origin that the runtime stack made for its internal load balancer (its ApiVpcOriginId output)");
            }
        }

        public enum Kind {
            LAMBDA_URL, HTTPS, VPC;

            static Kind of(String name) {
                return switch (name) {
                    case "lambda-url" -> LAMBDA_URL;
                    case "vpc" -> VPC;
                    default -> HTTPS;
                };
            }
        }
    }
}

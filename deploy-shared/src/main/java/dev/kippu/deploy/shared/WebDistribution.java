package dev.kippu.deploy.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.ErrorResponse;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.FunctionUrlOriginAccessControl;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.IVpcOrigin;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.HttpOriginProps;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cloudfront.origins.VpcOrigin;
import software.amazon.awscdk.services.cloudfront.origins.VpcOriginProps;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The site's one CloudFront distribution. The web bucket (the front end's static export, with
 * {@code trailingSlash}) is the default; {@code /covers/*} is the media bucket; {@code /graphql*}
 * is the API, once a runtime is deployed and its host given. Both buckets are read through origin
 * access control; a Lambda Function URL is signed by its own origin access control; a load balancer
 * in the VPC is a VPC origin, which only this account's distributions can use (unless it is shared). Every response carries
 * the security headers.
 *
 * <p>Pages: {@code /events/} is {@code /events/index.html} in the bucket, {@code /events} redirects to
 * {@code /events/} (a viewer-request function), and a missing page is the export's {@code 404.html}
 * with status 404. S3 answers 403 for a missing key (CloudFront may not list the bucket), so 403
 * becomes that page too; the API answers neither (its errors are GraphQL errors, or 401).
 */
public class WebDistribution extends Construct {

    /** Where the API is served on the site, on every runtime. */
    public static final String API_PATH = "/graphql*";
    /** Where published covers are served (app: CoverService publishes {@code covers/<sha-256>.<ext>}). */
    public static final String COVERS_PATH = "/covers/*";
    /**
     * The viewer's {@code Authorization} (the Cognito access token) travels in this header to a
     * Function URL: origin access control signs the request to the URL in {@code Authorization} itself.
     */
    public static final String VIEWER_AUTHORIZATION_HEADER = "x-kippu-authorization";
    static final String NOT_FOUND_PAGE = "/404.html";
    /** How long CloudFront waits for the API (a runtime behind a load balancer drains a leaving instance as long). */
    public static final Duration API_READ_TIMEOUT = Duration.seconds(30);

    private final Distribution distribution;

    public WebDistribution(Construct scope, String id, Props props) {
        super(scope, id);
        ResponseHeadersPolicy securityHeaders = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("Kippu: security headers on every response")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(730)).includeSubdomains(true).preload(true).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.DENY).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN).override(true).build())
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(contentSecurityPolicy(props.connectSources())).override(true).build())
                        .build())
                .build();

        Function pageRoutes = Function.Builder.create(this, "PageRoutes")
                .comment("Kippu: /a/ is /a/index.html, /a redirects to /a/ (a static export with trailingSlash)")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(PAGE_ROUTES))
                .build();

        Map<String, BehaviorOptions> behaviors = new HashMap<>();
        behaviors.put(COVERS_PATH, BehaviorOptions.builder()
                .origin(S3BucketOrigin.withOriginAccessControl(props.media()))
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                .responseHeadersPolicy(securityHeaders)
                .compress(true)
                .build());
        props.api().ifPresent(api -> behaviors.put(API_PATH, apiBehavior(api, securityHeaders)));

        Distribution.Builder builder = Distribution.Builder.create(this, "Distribution")
                .comment("Kippu: web, covers and API")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(props.web()))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(securityHeaders)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .function(pageRoutes).eventType(FunctionEventType.VIEWER_REQUEST).build()))
                        .compress(true)
                        .build())
                .additionalBehaviors(behaviors)
                .defaultRootObject("index.html")
                .errorResponses(List.of(notFoundPage(403), notFoundPage(404)))
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(props.logs())
                .logFilePrefix("cloudfront/");
        props.domain().ifPresent(domain -> builder.domainNames(List.of(domain.name())).certificate(domain.certificate())
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021));
        distribution = builder.build();

        List<NagPackSuppression> reasons = new ArrayList<>(List.of(
                NagPackSuppression.builder().id("AwsSolutions-CFR1")
                        .reason("Tickets are sold to anyone, anywhere: no country is excluded").build(),
                NagPackSuppression.builder().id("AwsSolutions-CFR2")
                        .reason("A web ACL costs about $5 a month plus $1 a rule with no traffic at all, against the seed's near-zero idle cost; "
                                + "the API bounds its requests itself and the runtimes cap concurrency. Attach one with attachWebAclId when needed")
                        .build()));
        if (props.domain().isEmpty()) {
            reasons.add(NagPackSuppression.builder().id("AwsSolutions-CFR4")
                    .reason("Without kippu:domainName the site is on CloudFront's default *.cloudfront.net certificate, whose security policy "
                            + "CloudFront fixes; with a domain the site's certificate is served with TLSv1.2_2021 at least")
                    .build());
        }
        NagSuppressions.addResourceSuppressions(distribution, reasons);
    }

    private BehaviorOptions apiBehavior(SharedSettings.ApiOrigin api, ResponseHeadersPolicy securityHeaders) {
        BehaviorOptions.Builder behavior = BehaviorOptions.builder()
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                // with caching off, this forwards Authorization too (not Host: the origin has its own)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .responseHeadersPolicy(securityHeaders);
        if (api.kind() == SharedSettings.ApiOrigin.Kind.VPC) {
            // the VPC origin (the runtime stack's, by id) carries the protocol and port; CloudFront reaches it inside the VPC
            IVpcOrigin vpcOrigin = software.amazon.awscdk.services.cloudfront.VpcOrigin.fromVpcOriginId(this, "ApiVpcOrigin",
                    api.vpcOriginId().orElseThrow());
            return behavior.origin(VpcOrigin.withVpcOrigin(vpcOrigin,
                    VpcOriginProps.builder().domainName(api.host()).readTimeout(API_READ_TIMEOUT).build())).build();
        }
        HttpOriginProps.Builder origin = HttpOriginProps.builder().protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY).readTimeout(API_READ_TIMEOUT);
        if (api.kind() == SharedSettings.ApiOrigin.Kind.LAMBDA_URL) {
            origin.originAccessControlId(new FunctionUrlOriginAccessControl(this, "FunctionUrlAccess").getOriginAccessControlId());
            behavior.functionAssociations(List.of(FunctionAssociation.builder()
                    .function(Function.Builder.create(this, "ViewerToken")
                            .comment("Kippu: the viewer's Authorization in " + VIEWER_AUTHORIZATION_HEADER + ", as origin access control signs in Authorization")
                            .runtime(FunctionRuntime.JS_2_0)
                            .code(FunctionCode.fromInline(VIEWER_TOKEN))
                            .build())
                    .eventType(FunctionEventType.VIEWER_REQUEST)
                    .build()));
        }
        return behavior.origin(new HttpOrigin(api.host(), origin.build())).build();
    }

    private static ErrorResponse notFoundPage(int status) {
        return ErrorResponse.builder().httpStatus(status).responseHttpStatus(404).responsePagePath(NOT_FOUND_PAGE).ttl(Duration.seconds(10)).build();
    }

    /**
     * Scripts and styles inline (a static export inlines its hydration data), images from here and as
     * data, connections to here, Cognito and the uploads bucket; no frames, no plugins.
     */
    private static String contentSecurityPolicy(List<String> connectSources) {
        return "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "connect-src 'self' " + String.join(" ", connectSources) + "; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
    }

    public Distribution distribution() {
        return distribution;
    }

    /** The site's origin, {@code https://<domain>}: its own domain when it has one. */
    public String siteUrl(Optional<SharedSettings.CustomDomain> domain) {
        return "https://" + domain.map(SharedSettings.CustomDomain::name).orElse(distribution.getDistributionDomainName());
    }

    private static final String PAGE_ROUTES = """
            function handler(event) {
              var request = event.request;
              var uri = request.uri;
              if (uri.endsWith('/')) {
                request.uri = uri + 'index.html';
                return request;
              }
              if (uri.substring(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
                var query = Object.keys(request.querystring).map(function (name) {
                  var value = request.querystring[name];
                  var values = value.multiValue ? value.multiValue : [value];
                  return values.map(function (v) { return name + (v.value ? '=' + v.value : ''); }).join('&');
                }).join('&');
                return { statusCode: 301, statusDescription: 'Moved Permanently',
                         headers: { location: { value: uri + '/' + (query ? '?' + query : '') } } };
              }
              return request;
            }
            """;

    private static final String VIEWER_TOKEN = """
            function handler(event) {
              var headers = event.request.headers;
              delete headers['%1$s'];
              if (headers.authorization) {
                headers['%1$s'] = { value: headers.authorization.value };
              }
              return event.request;
            }
            """.formatted(VIEWER_AUTHORIZATION_HEADER);

    /**
     * @param web            the static export's bucket
     * @param media          the published covers' bucket
     * @param logs           where CloudFront writes its access logs
     * @param api            the API origin, when a runtime is deployed
     * @param domain         the site's own name and its certificate (us-east-1), when it has one
     * @param connectSources origins besides the site that pages connect to (Cognito, the uploads bucket)
     */
    public record Props(IBucket web, IBucket media, IBucket logs, Optional<SharedSettings.ApiOrigin> api,
                        Optional<DomainCertificate> domain, List<String> connectSources) {
    }

    public record DomainCertificate(String name, ICertificate certificate) {
    }
}

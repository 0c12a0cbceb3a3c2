package dev.kippu.deploy.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AttributeMapping;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ProviderAttribute;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroupOptions;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderGoogle;
import software.amazon.awscdk.services.cognito.UserVerificationConfig;
import software.amazon.awscdk.services.cognito.VerificationEmailStyle;
import software.constructs.Construct;

/**
 * The Cognito user pool: sign-up with an e-mail address, verified by a code (and a phone number
 * verified by SMS, when asked for), the {@code organizers} group (app: ORGANIZER), and one public app
 * client for the web (no secret; {@code USER_PASSWORD_AUTH} and SRP; with Google, also the hosted
 * UI's code flow back to the site).
 */
public class KippuUserPool extends Construct {

    /** The group whose members organise events (app: kippu.cognito.organizers-group). */
    public static final String ORGANIZERS_GROUP = "organizers";
    /** Where the hosted UI sends a person back after signing in with Google (the site's page, with trailingSlash). */
    public static final String SIGN_IN_CALLBACK_PATH = "/auth/callback/";

    private final UserPool pool;
    private final UserPoolClient webClient;
    private final Optional<UserPoolDomain> hostedUi;

    public KippuUserPool(Construct scope, String id, Props props) {
        super(scope, id);
        pool = UserPool.Builder.create(this, "Pool")
                .userPoolName(props.name())
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .signInCaseSensitive(false)
                .autoVerify(AutoVerifiedAttrs.builder().email(true).phone(props.phoneVerification()).build())
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder().required(true).mutable(true).build())
                        .fullname(StandardAttribute.builder().required(false).mutable(true).build())
                        .phoneNumber(props.phoneVerification() ? StandardAttribute.builder().required(true).mutable(true).build() : null)
                        .build())
                .userVerification(UserVerificationConfig.builder()
                        .emailStyle(VerificationEmailStyle.CODE)
                        .emailSubject("Your Kippu verification code")
                        .emailBody("Your Kippu verification code is {####}")
                        .smsMessage("Your Kippu verification code is {####}")
                        .build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(10).requireLowercase(true).requireUppercase(true).requireDigits(true).requireSymbols(true)
                        .tempPasswordValidity(Duration.days(3))
                        .build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(props.phoneVerification()).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.ESSENTIALS)
                .deletionProtection(props.retain())
                .removalPolicy(props.retain() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        NagSuppressions.addResourceSuppressions(pool, List.of(
                NagPackSuppression.builder().id("AwsSolutions-COG2")
                        .reason("People sign up to book a seat: MFA (TOTP) is offered to everyone, forced on no one").build(),
                NagPackSuppression.builder().id("AwsSolutions-COG3")
                        .reason("Threat protection (advanced security) is charged per monthly active user on the Plus plan; the Essentials plan is used").build()));
        if (props.phoneVerification()) {
            NagSuppressions.addResourceSuppressionsByPath(Stack.of(this), pool.getNode().getPath() + "/smsRole/Resource", List.of(
                    NagPackSuppression.builder().id("AwsSolutions-IAM5")
                            .reason("Cognito sends verification codes with sns:Publish to phone numbers, which have no ARN; only Cognito, "
                                    + "with this pool's external id, can assume the role")
                            .appliesTo(List.of("Resource::*"))
                            .build()));
        }
        pool.addGroup("Organizers", UserPoolGroupOptions.builder()
                .groupName(ORGANIZERS_GROUP)
                .description("Organise events (Kippu role ORGANIZER)")
                .build());

        UserPoolClientOptions.Builder client = UserPoolClientOptions.builder()
                .userPoolClientName(props.name() + "-web")
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userPassword(true).userSrp(true).build())
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .accessTokenValidity(Duration.hours(1))
                .idTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.days(30));
        List<UserPoolClientIdentityProvider> providers = new ArrayList<>(List.of(UserPoolClientIdentityProvider.COGNITO));
        Optional<UserPoolIdentityProviderGoogle> google = props.google().map(settings -> UserPoolIdentityProviderGoogle.Builder.create(this, "Google")
                .userPool(pool)
                .clientId(settings.clientId())
                .clientSecretValue(SecretValue.secretsManager(settings.clientSecretName()))
                .scopes(List.of("openid", "email", "profile"))
                .attributeMapping(AttributeMapping.builder()
                        .email(ProviderAttribute.GOOGLE_EMAIL)
                        .emailVerified(ProviderAttribute.GOOGLE_EMAIL_VERIFIED)
                        .fullname(ProviderAttribute.GOOGLE_NAME)
                        .build())
                .build());
        if (google.isPresent()) {
            providers.add(UserPoolClientIdentityProvider.GOOGLE);
            client.oAuth(OAuthSettings.builder()
                    .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                    .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                    .callbackUrls(props.webOrigins().stream().map(origin -> origin + SIGN_IN_CALLBACK_PATH).toList())
                    .logoutUrls(props.webOrigins().stream().map(origin -> origin + "/").toList())
                    .build());
        } else {
            client.disableOAuth(true);
        }
        webClient = pool.addClient("WebClient", client.supportedIdentityProviders(providers).build());
        google.ifPresent(provider -> webClient.getNode().addDependency(provider));
        hostedUi = props.google().map(settings -> pool.addDomain("HostedUi", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder()
                        .domainPrefix(settings.domainPrefix().orElse(props.name() + "-" + Aws.ACCOUNT_ID))
                        .build())
                .build()));
    }

    public UserPool pool() {
        return pool;
    }

    public UserPoolClient webClient() {
        return webClient;
    }

    /** The hosted UI's base URL ({@code https://<prefix>.auth.<region>.amazoncognito.com}), when there is one. */
    public Optional<String> hostedUiUrl() {
        return hostedUi.map(UserPoolDomain::baseUrl);
    }

    /**
     * @param name              the pool's name, and its client's and hosted UI's prefix
     * @param phoneVerification ask for a phone number at sign-up, verified by SMS
     * @param google            Google sign-in through the hosted UI, when given
     * @param webOrigins        the site's origins, where the hosted UI may send people back
     * @param retain            protect the pool from deletion and keep it when the stack goes
     */
    public record Props(String name, boolean phoneVerification, Optional<SharedSettings.GoogleSignIn> google,
                        List<String> webOrigins, boolean retain) {
    }
}

<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#if faPage = "problem">
            ${msg("firmAccessInvitationProblemTitle")}
        <#elseif faPage = "register">
            ${msg("firmAccessInvitationRegisterTitle", invitation.firmName)}
        <#else>
            ${msg("firmAccessInvitationTitle", invitation.firmName)}
        </#if>
    <#elseif section = "form">
        <div id="firm-access-invitation" data-page="${faPage}">
        <#if faPage = "problem">
            <p class="instruction" id="fa-problem" data-problem="${problem}">${msg(problem)}</p>
            <#if signedInAs??>
                <p class="instruction">${msg("firmAccessInvitationSignedInAs", signedInAs)}</p>
            </#if>
        <#else>
            <p class="instruction" id="fa-summary">${msg("firmAccessInvitationSummary", invitation.firmName, invitation.roleLabel, invitation.email)}</p>
            <p class="instruction">${msg("firmAccessInvitationExpires", invitation.expiresAt?datetime?string.medium)}</p>
            <#if faPage = "confirm">
                <form id="fa-accept" action="${acceptUrl}" method="post">
                    <input type="hidden" name="formToken" value="${formToken}">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("firmAccessInvitationAccept")}</button>
                </form>
            <#elseif faPage = "signIn">
                <#if identityProvider??>
                <p class="instruction" id="fa-sign-in-idp">${msg("firmAccessInvitationIdpSignInHint", invitation.email, identityProvider)}</p>
                <#else>
                <p class="instruction">${msg("firmAccessInvitationSignInHint", invitation.email)}</p>
                </#if>
                <a id="fa-sign-in" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${signInUrl}">${msg("doLogIn")}</a>
            <#elseif faPage = "wrongUser">
                <p class="instruction" id="fa-wrong-user">${msg("firmAccessInvitationWrongUserHint", signedInAs, invitation.email)}</p>
                <form id="fa-switch" action="${switchUrl}" method="post">
                    <input type="hidden" name="formToken" value="${formToken}">
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("firmAccessInvitationSwitch")}</button>
                </form>
            <#elseif faPage = "register">
                <#if registerError??>
                    <div class="${properties.kcAlertClass!} pf-m-danger" id="fa-register-error" data-error="${registerError}">${msg(registerError)}</div>
                </#if>
                <form id="fa-register" action="${registerUrl}" method="post" class="${properties.kcFormClass!}">
                    <input type="hidden" name="formToken" value="${formToken}">
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="email" class="${properties.kcLabelClass!}">${msg("email")}</label>
                        <input id="email" class="${properties.kcInputClass!}" type="email" value="${invitation.email}" readonly disabled>
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="firstName" class="${properties.kcLabelClass!}">${msg("firstName")}</label>
                        <input id="firstName" name="firstName" class="${properties.kcInputClass!}" type="text" value="${(values.firstName)!''}" autocomplete="given-name">
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="lastName" class="${properties.kcLabelClass!}">${msg("lastName")}</label>
                        <input id="lastName" name="lastName" class="${properties.kcInputClass!}" type="text" value="${(values.lastName)!''}" autocomplete="family-name">
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="password" class="${properties.kcLabelClass!}">${msg("password")}</label>
                        <input id="password" name="password" class="${properties.kcInputClass!}" type="password" autocomplete="new-password">
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="password-confirm" class="${properties.kcLabelClass!}">${msg("passwordConfirm")}</label>
                        <input id="password-confirm" name="password-confirm" class="${properties.kcInputClass!}" type="password" autocomplete="new-password">
                    </div>
                    <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit">${msg("firmAccessInvitationCreateAndJoin")}</button>
                </form>
            </#if>
        </#if>
        </div>
    </#if>
</@layout.registrationLayout>

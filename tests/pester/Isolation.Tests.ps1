# CognitoPs next to another module's AWSSDK.Core, each case in a fresh pwsh process: the module's client and its private
# dependencies load into the module's own AssemblyLoadContext; the cmdlets (CognitoPs.dll) and what the host provides
# stay in PowerShell's.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $packages = Get-NuGetPackagesPath
    $Core37 = Join-Path $packages 'awssdk.core/3.7.501.1/lib/netstandard2.0/AWSSDK.Core.dll'   # assembly 3.3.0.0, as AWS.Tools 4.x ships
    $Core40 = Join-Path $packages 'awssdk.core/4.0.3.3/lib/netstandard2.0/AWSSDK.Core.dll'     # assembly 4.0.0.0, as AWS.Tools 5.x ships
    $Sts40 = Join-Path $packages 'awssdk.securitytoken/4.0.5.1/lib/netstandard2.0/AWSSDK.SecurityToken.dll'   # assembly 4.0.0.0, as AWS.Tools 5.x ships
    foreach ($path in $Core37, $Core40, $Sts40) { if (-not (Test-Path $path)) { throw "Restore tests/tools/TestTools.csproj first: $path is missing." } }

    # A small binary module compiled against AWSSDK.Core 3.7.501.1, as an AWS.Tools 4.x module is.
    $ToolsLike = Join-Path $TestDrive 'AwsToolsLike'
    dotnet build (Join-Path $RepoRoot 'tests/AwsToolsLike/AwsToolsLike.csproj') -o $ToolsLike --nologo -v quiet | Out-Null
    if ($LASTEXITCODE) { throw 'building tests/AwsToolsLike failed' }

    $Report = @'
$contexts = foreach ($context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
    foreach ($assembly in $context.Assemblies | Where-Object { $_.GetName().Name -in 'AWSSDK.Core', 'AWSSDK.SecurityToken', 'AWSSDK.SSO', 'AWSSDK.SSOOIDC', 'CognitoPs', 'CognitoPs.Client', 'System.Management.Automation' }) {
        [pscustomobject]@{ Context = $context.Name; Assembly = $assembly.GetName().Name; Version = "$($assembly.GetName().Version)"
            FileVersion = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($assembly.Location).FileVersion; Location = $assembly.Location }
    }
}
[pscustomobject]@{ Steps = $steps; Contexts = @($contexts) } | ConvertTo-Json -Depth 4 -Compress
'@
    # Runs the steps in a fresh pwsh; each step's output (or its error) is recorded, then where each assembly loaded.
    function Invoke-FreshSession([string[]] $Steps) {
        $script = '$ErrorActionPreference = "Stop"; $steps = [ordered]@{}' + "`n"
        $i = 0
        foreach ($step in $Steps) {
            $i++
            $script += "try { `$steps['$i'] = (& { $step } | Out-String).Trim() } catch { `$steps['$i'] = 'FAILED: ' + `$_.Exception.Message }`n"
        }
        $json = & $PwshPath -NoProfile -NonInteractive -Command ($script + $Report)
        $json | ConvertFrom-Json
    }

    $ImportToolsLike = "Import-Module '$ToolsLike/AwsToolsLike.dll'; Get-AwsToolsLikeRegion"
    $ImportCognitoPs = "Import-Module '$ModuleManifest'; (Get-CognitoUser -UserPoolId eu-west-1_Paged5 -EndpointUrl $FakeUrl -First 1).Username"
    function Find-Assembly($Run, [string] $Context, [string] $Assembly) { @($Run.Contexts | Where-Object { $_.Context -eq $Context -and $_.Assembly -eq $Assembly }) }
}

AfterAll { Stop-OwnTestServers }

Describe 'CognitoPs next to another AWSSDK.Core' {
    It '(a) an AWS.Tools 4.x-style module (AWSSDK.Core 3.3.0.0) first, then CognitoPs: both keep working' {
        $run = Invoke-FreshSession @($ImportToolsLike, $ImportCognitoPs, 'Get-AwsToolsLikeRegion')

        $run.Steps.'1' | Should -Be 'Europe (Ireland) via AWSSDK.Core 3.3.0.0'
        $run.Steps.'2' | Should -Be 'user-000001'
        $run.Steps.'3' | Should -Be 'Europe (Ireland) via AWSSDK.Core 3.3.0.0'
        (Find-Assembly $run 'Default' 'AWSSDK.Core').Version | Should -Be '3.3.0.0'
        (Find-Assembly $run 'CognitoPs' 'AWSSDK.Core').Version | Should -Be '4.0.0.0'
        @(Find-Assembly $run 'CognitoPs' 'CognitoPs.Client').Count | Should -Be 1
        @(Find-Assembly $run 'Default' 'CognitoPs.Client').Count | Should -Be 0
        @(Find-Assembly $run 'Default' 'CognitoPs').Count | Should -Be 1            # the cmdlets, as any binary module
        @(Find-Assembly $run 'CognitoPs' 'CognitoPs').Count | Should -Be 0
        @(Find-Assembly $run 'CognitoPs' 'System.Management.Automation').Count | Should -Be 0   # the host's stays shared
    }

    It '(b) CognitoPs first, then the AWS.Tools 4.x-style module: both keep working' {
        $run = Invoke-FreshSession @($ImportCognitoPs, $ImportToolsLike, $ImportCognitoPs)

        $run.Steps.'1' | Should -Be 'user-000001'
        $run.Steps.'2' | Should -Be 'Europe (Ireland) via AWSSDK.Core 3.3.0.0'
        $run.Steps.'3' | Should -Be 'user-000001'
        (Find-Assembly $run 'Default' 'AWSSDK.Core').Version | Should -Be '3.3.0.0'
        (Find-Assembly $run 'CognitoPs' 'AWSSDK.Core').Version | Should -Be '4.0.0.0'
    }

    It '(c) AWSSDK.Core 4.0.3.3 (as AWS.Tools 5.x ships) loaded first: CognitoPs still uses its own 4.1 build' {
        $run = Invoke-FreshSession @("Add-Type -Path '$Core40'", $ImportCognitoPs)

        $run.Steps.'2' | Should -Be 'user-000001'
        (Find-Assembly $run 'Default' 'AWSSDK.Core').FileVersion | Should -BeLike '4.0.3.3*'
        (Find-Assembly $run 'CognitoPs' 'AWSSDK.Core').FileVersion | Should -BeLike '4.1.0*'
    }

    It 'loads the precompiled cmdlets and client where they were built for this platform, and the IL where there are none (as on another OS)' {
        $ours = Invoke-FreshSession @($ImportCognitoPs)
        $ours.Steps.'1' | Should -Be 'user-000001'
        if ([Environment]::Version.Major -eq 10) {
            (Find-Assembly $ours 'CognitoPs' 'AWSSDK.Core').Location | Should -BeLike '*/bin/net10.0-*/AWSSDK.Core.dll'
            (Find-Assembly $ours 'CognitoPs' 'CognitoPs.Client').Location | Should -BeLike '*/bin/net10.0-*/CognitoPs.Client.dll'
            (Find-Assembly $ours 'Default' 'CognitoPs').Location | Should -BeLike '*/bin/net10.0-*/CognitoPs.dll'
        }

        $portable = Join-Path $TestDrive 'portable/CognitoPs'
        Copy-Item (Split-Path $ModuleManifest) $portable -Recurse
        Get-ChildItem (Join-Path $portable 'bin') -Directory | Remove-Item -Recurse -Force
        $run = Invoke-FreshSession @("Import-Module '$portable'; (Get-CognitoUser -UserPoolId eu-west-1_Paged5 -EndpointUrl $FakeUrl -First 1).Username")
        $run.Steps.'1' | Should -Be 'user-000001'
        (Find-Assembly $run 'CognitoPs' 'AWSSDK.Core').Location | Should -Be (Join-Path $portable 'bin/AWSSDK.Core.dll')
        (Find-Assembly $run 'CognitoPs' 'CognitoPs.Client').Location | Should -Be (Join-Path $portable 'bin/CognitoPs.Client.dll')
        (Find-Assembly $run 'Default' 'CognitoPs').Location | Should -Be (Join-Path $portable 'CognitoPs.dll')
    }

    It 'Import-Module -Force and Remove-Module + Import-Module keep every cmdlet, format, help and type name working' {
        $run = Invoke-FreshSession @(
            "Import-Module '$ModuleManifest'; (Get-Command -Module CognitoPs).Count"
            "Import-Module '$ModuleManifest' -Force; (Get-Command -Module CognitoPs).Count"
            "Remove-Module CognitoPs; Import-Module '$ModuleManifest'; (Get-Command -Module CognitoPs).Count"
            "(Get-CognitoUser -UserPoolId eu-west-1_Paged5 -EndpointUrl $FakeUrl -First 2 | Format-Table | Out-String) -match 'Username\s+Status\s+Enabled'"
            "[CognitoPs.CognitoUser].FullName"
            "(Get-Help Disable-CognitoUser).Synopsis -like 'Disables Cognito users*'"
        )

        $expected = (Get-Command -Module CognitoPs).Count
        $run.Steps.'1' | Should -Be "$expected"
        $run.Steps.'2' | Should -Be "$expected"
        $run.Steps.'3' | Should -Be "$expected"
        $run.Steps.'4' | Should -Be 'True'
        $run.Steps.'5' | Should -Be 'CognitoPs.CognitoUser'
        $run.Steps.'6' | Should -Be 'True'
    }
}

Describe 'Credentials next to AWS.Tools: the SDK loads STS and IAM Identity Center by name, from our bin/' {
    BeforeAll {
        # A HOME of its own: a role profile and an IAM Identity Center profile whose sign-in has expired but can be renewed.
        $IsolationHome = Join-Path $TestDrive 'home'
        New-Item -ItemType Directory -Path (Join-Path $IsolationHome '.aws/sso/cache') -Force | Out-Null
        Set-Content (Join-Path $IsolationHome '.aws/credentials') "[source]`naws_access_key_id = AKIDCOGNITOPSTEST`naws_secret_access_key = cognitops-test-secret`n"
        Set-Content (Join-Path $IsolationHome '.aws/config') ("[profile admin]`nrole_arn = arn:aws:iam::123456789012:role/cognito-admin`nsource_profile = source`nregion = eu-west-1`n" +
            "[profile sso-admin]`nsso_session = corp`nsso_account_id = 123456789012`nsso_role_name = CognitoAdmin`nregion = eu-west-1`n" +
            "[sso-session corp]`nsso_start_url = https://corp.awsapps.com/start`nsso_region = eu-west-1`n")
        $cacheFile = (([System.Security.Cryptography.SHA1]::HashData([Text.Encoding]::UTF8.GetBytes('corp')) | ForEach-Object { $_.ToString('x2') }) -join '') + '.json'
        @{ startUrl = 'https://corp.awsapps.com/start'; region = 'eu-west-1'; accessToken = 'seeded-sso-token-expired'
            expiresAt = [DateTime]::UtcNow.AddHours(-1).ToString('yyyy-MM-ddTHH:mm:ssZ'); clientId = 'client-1'; clientSecret = 'client-secret-1'
            registrationExpiresAt = [DateTime]::UtcNow.AddDays(30).ToString('yyyy-MM-ddTHH:mm:ssZ'); refreshToken = 'refresh-1' } |
            ConvertTo-Json | Set-Content (Join-Path $IsolationHome ".aws/sso/cache/$cacheFile")

        function Invoke-WithIsolationHome([string[]] $Steps) {
            $saved = @{}
            $environment = @{ HOME = $IsolationHome; AWS_ENDPOINT_URL_STS = $AuthUrl; AWS_ENDPOINT_URL_SSO = $AuthUrl; AWS_ENDPOINT_URL_SSO_OIDC = $AuthUrl
                AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_PROFILE = $null }
            foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
            try { Invoke-FreshSession $Steps } finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
        }
        $RoleCall = "Import-Module '$ModuleManifest'; (Get-CognitoUser -ProfileName admin -UserPoolId eu-west-1_Paged5 -EndpointUrl $FakeGatewayUrl -First 1).Username"
        $SsoCall = "Import-Module '$ModuleManifest'; (Get-CognitoUser -ProfileName sso-admin -UserPoolId eu-west-1_Paged5 -EndpointUrl $FakeGatewayUrl -First 1).Username"
    }
    BeforeEach { Set-FakeGatewayFaults }

    It 'an assumed role with AWS.Tools 5.x''s AWSSDK.Core and AWSSDK.SecurityToken (both 4.0.0.0) loaded first' {
        $run = Invoke-WithIsolationHome @("Add-Type -Path '$Core40'; Add-Type -Path '$Sts40'", $RoleCall)

        $run.Steps.'2' | Should -Be 'user-000001'
        (Find-Assembly $run 'Default' 'AWSSDK.SecurityToken').FileVersion | Should -BeLike '4.0.5.1*'
        (Find-Assembly $run 'CognitoPs' 'AWSSDK.SecurityToken').FileVersion | Should -BeLike '4.0.101.10*'
        (Find-Assembly $run 'CognitoPs' 'AWSSDK.SecurityToken').Location | Should -BeLike "$(Split-Path $ModuleManifest)/bin/*"
        @((Get-FakeGatewayStats).signedBy.PSObject.Properties.Name) | Should -BeLike 'ASIAROLE*'
    }

    It 'an assumed role and an expired IAM Identity Center sign-in renewed, with an AWS.Tools 4.x-style module loaded first' {
        $run = Invoke-WithIsolationHome @($ImportToolsLike, $RoleCall, $SsoCall)

        $run.Steps.'2' | Should -Be 'user-000001'
        $run.Steps.'3' | Should -Be 'user-000001'
        foreach ($assembly in 'AWSSDK.SecurityToken', 'AWSSDK.SSO', 'AWSSDK.SSOOIDC') {
            @(Find-Assembly $run 'CognitoPs' $assembly).Count | Should -Be 1 -Because "$assembly must come from our bin/"
            @(Find-Assembly $run 'Default' $assembly).Count | Should -Be 0
        }
    }
}


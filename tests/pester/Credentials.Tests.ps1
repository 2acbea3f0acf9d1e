# Credentials as admins have them. Each case runs in a fresh pwsh with a HOME of its own (so its own ~/.aws), with the
# STS, IAM Identity Center portal and OIDC stand-ins (tests/endpoint/aws-auth.js) behind AWS_ENDPOINT_URL_STS, _SSO and
# _SSO_OIDC, and its Cognito calls through the gateway, which records the access key that signed each request: every
# case checks that it is the key the source should have produced. Interactive cases run pwsh in a pseudo-terminal.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $Pool = 'eu-west-1_Paged5'           # the stand-in's generated pool: ListUsers answers user-000001 first
    $Runs = [System.Collections.Generic.List[string]]::new()   # every run's whole output, for the secret hunt at the end
    $CredentialProcess = Join-Path $RepoRoot 'tests/endpoint/credential-process.js'
    $SourceKeys = "[source]`naws_access_key_id = AKIDCOGNITOPSTEST`naws_secret_access_key = cognitops-test-secret`n"

    function New-TestHome([string] $Config = '', [string] $Credentials = '') {
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path (Join-Path $dir '.aws') -Force | Out-Null
        Set-Content (Join-Path $dir '.aws/config') $Config
        Set-Content (Join-Path $dir '.aws/credentials') $Credentials
        $dir
    }

    # What the child runs around a command: every stream and error, written as JSON to a result file.
    $Harness = @'
param($Command, $ResultFile)
Import-Module $env:COGNITOPS_TEST_MODULE
$records = [System.Collections.Generic.List[object]]::new()
$lines = [System.Collections.Generic.List[string]]::new()
try {
    & ([scriptblock]::Create($Command)) *>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { $records.Add($_) }
        elseif ($null -ne $_.PSObject.Properties['Username']) { $lines.Add("user:$($_.Username)") }
        else { $lines.Add("$_") }
    }
} catch { $records.Add($_) }
[pscustomobject]@{
    Lines = @($lines)
    Errors = @($records | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId.Split(',')[0]; Category = "$($_.CategoryInfo.Category)"
        Message = "$_"; Action = $_.ErrorDetails.RecommendedAction; Exception = "$($_.Exception)" } })
} | ConvertTo-Json -Depth 4 | Set-Content $ResultFile
'@
    $HarnessFile = Join-Path $TestDrive 'harness.ps1'
    Set-Content $HarnessFile $Harness

    # The environment of a fresh session: its own HOME, the stand-ins, and none of this session's AWS settings.
    function Get-ChildEnvironment([string] $HomeDir, [hashtable] $Environment) {
        $childEnvironment = @{
            HOME = $HomeDir; AWS_ENDPOINT_URL_STS = $AuthUrl; AWS_ENDPOINT_URL_SSO = $AuthUrl; AWS_ENDPOINT_URL_SSO_OIDC = $AuthUrl
            AWS_EC2_METADATA_DISABLED = 'true'; COGNITOPS_TEST_MODULE = $ModuleManifest
        }
        foreach ($name in 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
            'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE') { $childEnvironment[$name] = $null }
        foreach ($name in $Environment.Keys) { $childEnvironment[$name] = $Environment[$name] }
        $childEnvironment
    }

    function Read-Result([string] $ResultFile, [string] $Transcript) {
        if (-not (Test-Path $ResultFile)) { throw "The session wrote no result. It printed:`n$Transcript" }
        $raw = Get-Content $ResultFile -Raw
        $Runs.Add($raw + $Transcript)
        $raw | ConvertFrom-Json
    }

    # Runs $Command in a fresh non-interactive pwsh (as CI and scheduled tasks run).
    function Invoke-Fresh([string] $HomeDir, [string] $Command, [hashtable] $Environment = @{}) {
        $resultFile = Join-Path $TestDrive "result-$([guid]::NewGuid().ToString('n')).json"
        $saved = @{}
        $childEnvironment = Get-ChildEnvironment $HomeDir $Environment
        foreach ($name in $childEnvironment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $childEnvironment[$name]) }
        try { $printed = & $PwshPath -NoProfile -NonInteractive -File $HarnessFile -Command $Command -ResultFile $resultFile 2>&1 | Out-String }
        finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
        Read-Result $resultFile $printed
    }

    # Runs $Command in a fresh pwsh in a pseudo-terminal (util-linux script): an interactive console session. Each answer
    # is typed when its prompt has appeared on the screen.
    function Invoke-InTerminal([string] $HomeDir, [string] $Command, [hashtable] $Answers = @{}, [hashtable] $Environment = @{}) {
        $resultFile = Join-Path $TestDrive "result-$([guid]::NewGuid().ToString('n')).json"
        $inner = "& '$HarnessFile' -Command ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('$([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Command)))'))) -ResultFile '$resultFile'"
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($inner))
        $start = [System.Diagnostics.ProcessStartInfo]::new('script')
        foreach ($argument in '-qec', "$PwshPath -NoProfile -EncodedCommand $encoded", '/dev/null') { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardInput = $true; $start.RedirectStandardOutput = $true; $start.UseShellExecute = $false
        $childEnvironment = Get-ChildEnvironment $HomeDir $Environment
        foreach ($name in $childEnvironment.Keys) { if ($null -eq $childEnvironment[$name]) { $start.Environment.Remove($name) | Out-Null } else { $start.Environment[$name] = $childEnvironment[$name] } }
        $process = [System.Diagnostics.Process]::Start($start)
        $screen = [System.Text.StringBuilder]::new()
        $waiting = [System.Collections.Generic.List[string]]::new([string[]]@($Answers.Keys))
        $buffer = [char[]]::new(4096)
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        $read = $process.StandardOutput.ReadAsync($buffer, 0, $buffer.Length)
        while ([DateTime]::UtcNow -lt $deadline) {
            if (-not $read.Wait(200)) { continue }
            if ($read.Result -eq 0) { break }
            $chunk = [string]::new($buffer, 0, $read.Result)
            $screen.Append($chunk) | Out-Null
            # Answer the console's cursor-position queries as a terminal does; unanswered, each one waits for a timeout.
            foreach ($query in [regex]::Matches($chunk, "`e\[6n")) { $process.StandardInput.Write("`e[1;1R") }
            $process.StandardInput.Flush()
            foreach ($prompt in @($waiting)) {
                # Typed once the console reads: its cursor-position query follows the prompt then. Typed earlier, the
                # terminal would still echo it (a person at a keyboard is never that fast).
                $at = $screen.ToString().IndexOf($prompt)
                if ($at -ge 0 -and $screen.ToString().IndexOf("`e[6n", $at) -gt $at) {
                    $process.StandardInput.Write($Answers[$prompt] + "`r"); $process.StandardInput.Flush(); $waiting.Remove($prompt) | Out-Null
                }
            }
            $read = $process.StandardOutput.ReadAsync($buffer, 0, $buffer.Length)
        }
        if (-not $process.WaitForExit(10000)) { $process.Kill($true); throw "The terminal session did not end. Its screen:`n$screen" }
        Read-Result $resultFile $screen.ToString()
    }

    function Get-SignedBy { @((Get-FakeGatewayStats).signedBy.PSObject.Properties | ForEach-Object Name) }
    function Get-AuthStats { Invoke-RestMethod "$AuthUrl/__stats" }
    $FirstUser = "Get-CognitoUser -UserPoolId $Pool -EndpointUrl $FakeGatewayUrl -First 1"
}

AfterAll { Stop-OwnTestServers }

Describe 'Credential sources' {
    BeforeEach {
        Set-FakeGatewayFaults
        Invoke-RestMethod -Method Post "$AuthUrl/__reset" | Out-Null
    }

    It 'a role profile (role_arn + source_profile): requests are signed by the role''s temporary key, not the source''s' {
        $homeDir = New-TestHome -Credentials $SourceKeys -Config "[profile admin]`nrole_arn = arn:aws:iam::123456789012:role/cognito-admin`nsource_profile = source`nregion = eu-west-1`n"

        $run = Invoke-Fresh $homeDir "$FirstUser -ProfileName admin"

        $run.Errors | Should -BeNullOrEmpty
        $run.Lines | Should -Contain 'user:user-000001'
        Get-SignedBy | Should -HaveCount 1
        @(Get-SignedBy)[0] | Should -BeLike 'ASIAROLE*'
        $assumed = (Get-AuthStats).assumeRole
        @($assumed).Count | Should -Be 1
        $assumed[0].by | Should -Be 'AKIDCOGNITOPSTEST'
        $assumed[0].roleArn | Should -Be 'arn:aws:iam::123456789012:role/cognito-admin'
    }

    It 'a role with credential_source = Environment, and the region from the profile' {
        $homeDir = New-TestHome -Config "[profile ops]`nrole_arn = arn:aws:iam::123456789012:role/ops`ncredential_source = Environment`nregion = eu-west-1`n"

        $run = Invoke-Fresh $homeDir "Get-CognitoUser -UserPoolId local_NoRegionPrefix_Paged5 -EndpointUrl $FakeGatewayUrl -First 1 -ProfileName ops -Verbose" `
            -Environment @{ AWS_ACCESS_KEY_ID = 'AKIDCOGNITOPSTEST'; AWS_SECRET_ACCESS_KEY = 'cognitops-test-secret' }

        $run.Errors | Should -BeNullOrEmpty
        @(Get-SignedBy)[0] | Should -BeLike 'ASIAROLE*'
        (Get-AuthStats).assumeRole[0].by | Should -Be 'AKIDCOGNITOPSTEST'
        $run.Lines | Should -Contain "Signing requests with the credentials of profile 'ops'."
    }

    It 'AWS_PROFILE names the role profile when -ProfileName is not given' {
        $homeDir = New-TestHome -Credentials $SourceKeys -Config "[profile admin]`nrole_arn = arn:aws:iam::123456789012:role/cognito-admin`nsource_profile = source`n"

        $run = Invoke-Fresh $homeDir $FirstUser -Environment @{ AWS_PROFILE = 'admin' }

        $run.Errors | Should -BeNullOrEmpty
        @(Get-SignedBy)[0] | Should -BeLike 'ASIAROLE*'
    }

    It 'web identity (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE), as CI jobs and EKS pods have it; a refused token is WebIdentityTokenRejected' {
        $homeDir = New-TestHome
        $tokenFile = Join-Path $homeDir 'token'
        Set-Content $tokenFile 'valid-web-identity-token' -NoNewline
        $webIdentity = @{ AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/ci'; AWS_WEB_IDENTITY_TOKEN_FILE = $tokenFile }

        $run = Invoke-Fresh $homeDir $FirstUser -Environment $webIdentity

        $run.Errors | Should -BeNullOrEmpty
        @(Get-SignedBy)[0] | Should -BeLike 'ASIAWEB*'
        (Get-AuthStats).webIdentity[0].roleArn | Should -Be 'arn:aws:iam::123456789012:role/ci'

        Set-FakeGatewayFaults
        Set-Content $tokenFile 'an-old-token' -NoNewline
        $refused = Invoke-Fresh $homeDir $FirstUser -Environment $webIdentity
        $refused.Errors.Id | Should -Be 'WebIdentityTokenRejected'
        $refused.Errors.Category | Should -Be 'AuthenticationError'
        (Get-FakeGatewayStats).requests | Should -Be 0
    }

    It 'credential_process whose credentials expire during a bulk run: refreshed, and no request fails for an expired token' {
        $count = Join-Path $TestDrive 'process-runs'
        $homeDir = New-TestHome -Config "[profile tool]`ncredential_process = node $CredentialProcess 3 $count`nregion = eu-west-1`n"
        Set-FakeGatewayFaults -Rules @(@{ fault = 'delay'; delayMs = 150 })   # 40 users at 2 in flight: about 3 s, a credential lives 3 s

        $run = Invoke-Fresh $homeDir "1..40 | ForEach-Object { `"refresh-`$_`" } | Set-CognitoUserPassword -UserPoolId eu-west-1_Refresh -Password (ConvertTo-SecureString 'N3w-Passw0rd!' -AsPlainText -Force) -ThrottleLimit 2 -EndpointUrl $FakeGatewayUrl -ProfileName tool -PassThru"

        $run.Errors | Should -BeNullOrEmpty
        @($run.Lines | Where-Object { $_ -like 'user:refresh-*' }).Count | Should -Be 40
        $stats = Get-FakeGatewayStats
        $stats.expiredTokens | Should -Be 0
        $stats.signatureFailures | Should -Be 0
        (Get-SignedBy | Where-Object { $_ -like 'ASIAPROC*' }).Count | Should -BeGreaterThan 1     # refreshed during the run
        (Get-Content $count -Raw).Length | Should -BeGreaterThan 1
    }

    It 'a container''s role (AWS_CONTAINER_CREDENTIALS_FULL_URI, as ECS and EKS Pod Identity serve it)' {
        $run = Invoke-Fresh (New-TestHome) "$FirstUser" -Environment @{
            AWS_CONTAINER_CREDENTIALS_FULL_URI = "$AuthUrl/container-credentials"; AWS_CONTAINER_AUTHORIZATION_TOKEN = 'container-authorization-token' }

        $run.Errors | Should -BeNullOrEmpty
        @(Get-SignedBy)[0] | Should -BeLike 'ASIACTR*'
        (Get-AuthStats).container[0].authorization | Should -Be 'container-authorization-token'
    }

    It 'a legacy IAM Identity Center profile (sso_start_url, no sso_session) with a cached sign-in' {
        $homeDir = New-TestHome -Config "[profile legacy-sso]`nsso_start_url = https://legacy.awsapps.com/start`nsso_region = eu-west-1`nsso_account_id = 123456789012`nsso_role_name = ReadOnly`nregion = eu-west-1`n"
        $cacheDir = New-Item -ItemType Directory -Path (Join-Path $homeDir '.aws/sso/cache') -Force
        # Legacy profiles name the cache file after the SHA-1 of the start URL.
        $name = (([System.Security.Cryptography.SHA1]::HashData([Text.Encoding]::UTF8.GetBytes('https://legacy.awsapps.com/start')) | ForEach-Object { $_.ToString('x2') }) -join '')
        @{ startUrl = 'https://legacy.awsapps.com/start'; region = 'eu-west-1'; accessToken = 'seeded-sso-token-legacy'
            expiresAt = [DateTime]::UtcNow.AddHours(1).ToString('yyyy-MM-ddTHH:mm:ssZ') } | ConvertTo-Json | Set-Content (Join-Path $cacheDir "$name.json")

        $run = Invoke-Fresh $homeDir "$FirstUser -ProfileName legacy-sso"

        $run.Errors | Should -BeNullOrEmpty
        @(Get-SignedBy)[0] | Should -BeLike 'ASIASSO*'
        (Get-AuthStats).ssoRoleCredentials[0].roleName | Should -Be 'ReadOnly'
    }

    It 'IAM Identity Center with a cached sign-in (as aws sso login leaves it), and an expired one renewed with its refresh token' {
        $config = "[profile sso-admin]`nsso_session = corp`nsso_account_id = 123456789012`nsso_role_name = CognitoAdmin`nregion = eu-west-1`n" +
            "[sso-session corp]`nsso_start_url = https://corp.awsapps.com/start`nsso_region = eu-west-1`nsso_registration_scopes = sso:account:access`n"
        $homeDir = New-TestHome -Config $config
        $cacheDir = New-Item -ItemType Directory -Path (Join-Path $homeDir '.aws/sso/cache') -Force
        # The AWS CLI names the file after the SHA-1 of the session name.
        $cacheFile = Join-Path $cacheDir (([System.Security.Cryptography.SHA1]::HashData([Text.Encoding]::UTF8.GetBytes('corp')) | ForEach-Object { $_.ToString('x2') }) -join '')
        $cached = @{ startUrl = 'https://corp.awsapps.com/start'; region = 'eu-west-1'; accessToken = 'seeded-sso-token-valid'
            expiresAt = [DateTime]::UtcNow.AddHours(1).ToString('yyyy-MM-ddTHH:mm:ssZ'); clientId = 'client-1'; clientSecret = 'client-secret-1'
            registrationExpiresAt = [DateTime]::UtcNow.AddDays(30).ToString('yyyy-MM-ddTHH:mm:ssZ'); refreshToken = 'refresh-1' }
        $cached | ConvertTo-Json | Set-Content "$cacheFile.json"

        $run = Invoke-Fresh $homeDir "$FirstUser -ProfileName sso-admin"

        $run.Errors | Should -BeNullOrEmpty
        @(Get-SignedBy)[0] | Should -BeLike 'ASIASSO*'
        (Get-AuthStats).ssoRoleCredentials[0].roleName | Should -Be 'CognitoAdmin'

        $cached.expiresAt = [DateTime]::UtcNow.AddHours(-1).ToString('yyyy-MM-ddTHH:mm:ssZ')
        $cached | ConvertTo-Json | Set-Content "$cacheFile.json"
        $renewed = Invoke-Fresh $homeDir "$FirstUser -ProfileName sso-admin"
        $renewed.Errors | Should -BeNullOrEmpty
        (Get-AuthStats).oidc.refreshToken | Should -Be 1
        (Get-Content "$cacheFile.json" -Raw | ConvertFrom-Json).accessToken | Should -BeLike 'issued-sso-token-*'   # cached where the CLI looks
    }

    It 'Connect-CognitoUserPool in an interactive terminal signs in to IAM Identity Center (device authorization); the next commands use the sign-in' {
        $config = "[profile sso-admin]`nsso_session = corp`nsso_account_id = 123456789012`nsso_role_name = CognitoAdmin`nregion = eu-west-1`n" +
            "[sso-session corp]`nsso_start_url = https://corp.awsapps.com/start`nsso_region = eu-west-1`n"
        $homeDir = New-TestHome -Config $config

        $run = Invoke-InTerminal $homeDir "Connect-CognitoUserPool $Pool -ProfileName sso-admin -EndpointUrl $FakeGatewayUrl | Out-Null; Get-CognitoUser -First 1"

        $run.Errors | Should -BeNullOrEmpty
        $run.Lines | Should -Contain 'user:user-000001'
        $auth = Get-AuthStats
        ($auth.oidc.registerClient, $auth.oidc.startDeviceAuthorization) | Should -Be @(1, 1)
        $auth.oidc.createToken | Should -Be 2                 # pending while the user signs in, then the token
        @(Get-ChildItem (Join-Path $homeDir '.aws/sso/cache') -Filter '*.json').Count | Should -BeGreaterOrEqual 1
        $Runs[-1] | Should -Match 'open https://device\.sso\.eu-west-1\.amazonaws\.com/\?user_code=ABCD-EFGH in a browser and confirm the code ABCD-EFGH'
        @(Get-SignedBy)[0] | Should -BeLike 'ASIASSO*'
    }

    It 'IAM Identity Center without a sign-in, outside Connect or non-interactive: one SsoLoginRequired that names the profile and the command' {
        $homeDir = New-TestHome -Config ("[profile sso-admin]`nsso_session = corp`nsso_account_id = 123456789012`nsso_role_name = CognitoAdmin`n" +
            "[sso-session corp]`nsso_start_url = https://corp.awsapps.com/start`nsso_region = eu-west-1`n")

        $run = Invoke-Fresh $homeDir "Connect-CognitoUserPool $Pool -ProfileName sso-admin -EndpointUrl $FakeGatewayUrl"

        $run.Errors | Should -HaveCount 1
        $run.Errors[0].Id | Should -Be 'SsoLoginRequired'
        $run.Errors[0].Category | Should -Be 'AuthenticationError'
        $run.Errors[0].Message | Should -Match "profile 'sso-admin'"
        $run.Errors[0].Action | Should -Match 'aws sso login --profile sso-admin'
        (Get-AuthStats).oidc.startDeviceAuthorization | Should -Be 0
        (Get-FakeGatewayStats).requests | Should -Be 0
    }
}

Describe 'MFA for assumed roles' {
    BeforeAll {
        $MfaConfig = "[profile mfa-admin]`nrole_arn = arn:aws:iam::123456789012:role/mfa-admin`nsource_profile = source`nmfa_serial = arn:aws:iam::123456789012:mfa/alice`nregion = eu-west-1`n"
    }
    BeforeEach {
        Set-FakeGatewayFaults
        Invoke-RestMethod -Method Post "$AuthUrl/__reset" | Out-Null
    }

    It 'an interactive session asks for the code once, naming the profile and the device, and uses it for every command of the session' {
        $homeDir = New-TestHome -Credentials $SourceKeys -Config $MfaConfig

        $run = Invoke-InTerminal $homeDir "$FirstUser -ProfileName mfa-admin; $FirstUser -ProfileName mfa-admin" -Answers @{ 'MFA code for' = '914263' }

        $run.Errors | Should -BeNullOrEmpty
        @($run.Lines | Where-Object { $_ -eq 'user:user-000001' }).Count | Should -Be 2
        ([regex]::Matches($Runs[-1], 'MFA code for profile ''mfa-admin'' \(device arn:aws:iam::123456789012:mfa/alice\)')).Count | Should -Be 1
        $assumed = @((Get-AuthStats).assumeRole)
        $assumed.Count | Should -Be 1
        ($assumed[0].serialNumber, $assumed[0].withCode) | Should -Be @('arn:aws:iam::123456789012:mfa/alice', $true)
        Get-SignedBy | Should -HaveCount 1
        @(Get-SignedBy)[0] | Should -BeLike 'ASIAROLE*'
    }

    It 'a wrong code is MfaCodeRejected, and nothing is sent to Cognito' {
        $homeDir = New-TestHome -Credentials $SourceKeys -Config $MfaConfig

        $run = Invoke-InTerminal $homeDir "$FirstUser -ProfileName mfa-admin" -Answers @{ 'MFA code for' = '000000' }

        $run.Errors.Id | Should -Be 'MfaCodeRejected'
        $run.Errors.Category | Should -Be 'AuthenticationError'
        (Get-FakeGatewayStats).requests | Should -Be 0
    }

    It 'a non-interactive session never waits: one MfaCodeRequired saying how to pass the code, nothing sent' {
        $homeDir = New-TestHome -Credentials $SourceKeys -Config $MfaConfig

        $run = Invoke-Fresh $homeDir "'a','b','c' | Disable-CognitoUser -UserPoolId eu-west-1_Mfa -EndpointUrl $FakeGatewayUrl -ProfileName mfa-admin"

        $run.Errors | Should -HaveCount 1
        $run.Errors[0].Id | Should -Be 'MfaCodeRequired'
        $run.Errors[0].Category | Should -Be 'AuthenticationError'
        $run.Errors[0].Message | Should -Match "profile 'mfa-admin'.*arn:aws:iam::123456789012:mfa/alice"
        $run.Errors[0].Action | Should -Match 'Use-STSRole'
        (Get-AuthStats).assumeRole | Should -BeNullOrEmpty
        (Get-FakeGatewayStats).requests | Should -Be 0
    }
}

Describe 'Credential failures: one error record each, before anything is sent' {
    BeforeEach {
        Set-FakeGatewayFaults
        Invoke-RestMethod -Method Post "$AuthUrl/__reset" | Out-Null
    }

    It '<Name>: <ErrorId> (<Category>)' -ForEach @(
        @{ Name = 'a role whose trust policy refuses the caller'; ErrorId = 'AssumeRoleAccessDenied'; Category = 'PermissionDenied'
            Config = "[profile denied]`nrole_arn = arn:aws:iam::123456789012:role/denied`nsource_profile = source`n"; Profile = 'denied'; Expired = $false; NoSts = $false }
        @{ Name = 'a role whose source credentials have expired'; ErrorId = 'SourceCredentialsExpired'; Category = 'AuthenticationError'
            Config = "[profile stale]`nrole_arn = arn:aws:iam::123456789012:role/ops`nsource_profile = old`n"; Profile = 'stale'; Expired = $true; NoSts = $false }
        @{ Name = 'STS out of reach'; ErrorId = 'CredentialServiceUnreachable'; Category = 'ConnectionError'
            Config = "[profile admin]`nrole_arn = arn:aws:iam::123456789012:role/ops`nsource_profile = source`n"; Profile = 'admin'; NoSts = $true; Expired = $false }
        @{ Name = 'a role profile whose source profile does not exist'; ErrorId = 'InvalidProfile'; Category = 'InvalidArgument'
            Config = "[profile broken]`nrole_arn = arn:aws:iam::123456789012:role/ops`nsource_profile = nowhere`n"; Profile = 'broken'; Expired = $false; NoSts = $false }
        @{ Name = 'a profile that does not exist'; ErrorId = 'ProfileNotFound'; Category = 'ObjectNotFound'; Config = ''; Profile = 'nobody'; Expired = $false; NoSts = $false }
        @{ Name = 'a credential_process that fails'; ErrorId = 'CredentialProcessFailed'; Category = 'AuthenticationError'
            Config = "[profile tool]`ncredential_process = false`n"; Profile = 'tool'; Expired = $false; NoSts = $false }
    ) {
        $credentials = $SourceKeys
        if ($Expired) {
            # Temporary source keys whose session token expired a minute ago.
            $old = & node -e "const t=require('$RepoRoot/tests/endpoint/temporary-credentials.js'); process.stdout.write(JSON.stringify(t.issue(-60, 'OLD')))" | ConvertFrom-Json
            $credentials += "[old]`naws_access_key_id = $($old.accessKeyId)`naws_secret_access_key = $($old.secretAccessKey)`naws_session_token = $($old.sessionToken)`n"
        }
        $homeDir = New-TestHome -Credentials $credentials -Config $Config
        $environment = if ($NoSts) { @{ AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:9' } } else { @{} }

        $run = Invoke-Fresh $homeDir "'a','b' | Enable-CognitoUser -UserPoolId eu-west-1_Fail -EndpointUrl $FakeGatewayUrl -ProfileName $Profile" -Environment $environment

        $run.Errors | Should -HaveCount 1                      # the command stops once, not once per user
        ($run.Errors[0].Id, $run.Errors[0].Category) | Should -Be @($ErrorId, $Category)
        $run.Errors[0].Message | Should -Match "profile '$Profile'"
        $run.Errors[0].Action | Should -Not -BeNullOrEmpty
        (Get-FakeGatewayStats).requests | Should -Be 0
    }

    It 'no credentials anywhere: CredentialsNotFound, saying where credentials may come from' {
        $run = Invoke-Fresh (New-TestHome) $FirstUser

        ($run.Errors[0].Id, $run.Errors[0].Category) | Should -Be @('CredentialsNotFound', 'AuthenticationError')
        $run.Errors[0].Message | Should -Match '-ProfileName'
    }
}

Describe '-Credential with temporary credentials' {
    BeforeAll {
        function New-TemporaryKeys { & node $CredentialProcess 3600 | ConvertFrom-Json }
    }
    BeforeEach { Set-FakeGatewayFaults }

    It '<Form>: the session token goes along, and the request is signed by that key' -ForEach @(
        @{ Form = 'the Credentials of Use-STSRole (AccessKeyId, SecretAccessKey, SessionToken)'
            Make = '[pscustomobject]@{ AccessKeyId = $k.AccessKeyId; SecretAccessKey = $k.SecretAccessKey; SessionToken = $k.SessionToken; Expiration = (Get-Date).AddHours(1) }' }
        @{ Form = 'aws sts assume-role | ConvertFrom-Json'
            Make = '(@{ Credentials = @{ AccessKeyId = $k.AccessKeyId; SecretAccessKey = $k.SecretAccessKey; SessionToken = $k.SessionToken; Expiration = "2026-12-01T10:00:00Z" } } | ConvertTo-Json | ConvertFrom-Json).Credentials' }
        @{ Form = 'a hashtable'
            Make = '@{ AccessKeyId = $k.AccessKeyId; SecretAccessKey = $k.SecretAccessKey; SessionToken = $k.SessionToken }' }
        @{ Form = 'AWS.Tools credentials (read by shape: GetCredentials())'
            Make = '[pscustomobject]@{} | Add-Member -MemberType ScriptMethod -Name GetCredentials -Value { [pscustomobject]@{ AccessKey = $k.AccessKeyId; SecretKey = $k.SecretAccessKey; Token = $k.SessionToken; UseToken = $true } }.GetNewClosure() -PassThru' }
    ) {
        $keys = New-TemporaryKeys
        $homeDir = New-TestHome

        $run = Invoke-Fresh $homeDir "`$k = '$($keys | ConvertTo-Json -Compress)' | ConvertFrom-Json; $FirstUser -Credential ($Make)"

        $run.Errors | Should -BeNullOrEmpty
        Get-SignedBy | Should -Be @($keys.AccessKeyId)   # the gateway checks the token: without it the request is refused
    }

    It '-WhatIf, -Verbose and -Debug with temporary credentials: the secret and the session token stay out of every stream and the screen' {
        $keys = New-TemporaryKeys
        $run = Invoke-Fresh (New-TestHome) ("`$k = '$($keys | ConvertTo-Json -Compress)' | ConvertFrom-Json; `$c = @{ AccessKeyId = `$k.AccessKeyId; SecretAccessKey = `$k.SecretAccessKey; SessionToken = `$k.SessionToken }; " +
            "'ann' | Disable-CognitoUser -UserPoolId $Pool -EndpointUrl $FakeGatewayUrl -Credential `$c -WhatIf -Verbose; $FirstUser -Credential `$c -Verbose -Debug")

        $run.Errors | Should -BeNullOrEmpty
        $Runs[-1] | Should -Match "What if: .*user 'ann' in user pool '$Pool'"
        $Runs[-1] | Should -Not -Match ([regex]::Escape($keys.SecretAccessKey))
        $Runs[-1] | Should -Not -Match ([regex]::Escape($keys.SessionToken))
    }

    It 'a value without keys is refused by name, without quoting it' {
        $run = Invoke-Fresh (New-TestHome) "$FirstUser -Credential @{ User = 'ops'; Password = 'hunter2-not-a-key' }"

        $run.Errors[0].Id | Should -Be 'ParameterArgumentTransformationError'
        $run.Errors[0].Message | Should -Match 'AccessKeyId'
        $run.Errors[0].Message | Should -Not -Match 'hunter2'
    }
}

Describe 'Secrets in credential runs' {
    It 'no secret key, session token, SSO token or MFA code appears in any stream, error record or screen of the runs above' {
        $Runs.Count | Should -BeGreaterThan 10
        foreach ($run in $Runs) {
            $run | Should -Not -Match 'cognitops-test-secret|temporary-secret-of-|TOKENeyJ|sso-token|refresh-[0-9a-f]{8}|914263|client-secret-'
        }
    }
}

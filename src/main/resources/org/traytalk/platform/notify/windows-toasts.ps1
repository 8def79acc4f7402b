# TrayTalk's toast host: Windows PowerShell 5.1, started by TrayTalk with this script as its encoded command.
# Shows toasts as the app whose Start menu shortcut carries the AppUserModelID below (the setup puts it there) and
# reports their clicks. One command per line on standard input, one event per line on standard output (the protocol
# is described in ToastHostLines.java). Ends when standard input does.
$ErrorActionPreference = 'Stop'
$appId = 'TrayTalk.Messenger'
$group = 'TrayTalk'
$out = [Console]::Out
function Say([string] $line) {
    $out.WriteLine($line)
    $out.Flush()
}
function OneLine([string] $text) {
    return ($text -replace '\s+', ' ')
}
try {
    $null = [Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime]
    $null = [Windows.Data.Xml.Dom.XmlDocument, Windows.Data.Xml.Dom.XmlDocument, ContentType = WindowsRuntime]
    $notifier = [Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier($appId)
} catch {
    Say ('error ' + (OneLine $_.Exception.Message))
    exit 1
}
# Console.In reads synchronously even when asked to read asynchronously: a reader of its own does not, so clicks are
# reported while no command comes
$stdin = New-Object System.IO.StreamReader -ArgumentList ([Console]::OpenStandardInput()), ([Text.Encoding]::ASCII)
$next = $stdin.ReadLineAsync()
Say 'ready'
while ($true) {
    if ($next.Wait(200)) {
        $line = $next.Result
        if ($null -eq $line) {
            break
        }
        $words = $line.Split(' ')
        try {
            if ($words[0] -eq 'show' -and $words.Count -eq 3) {
                $tag = $words[1]
                $xml = New-Object Windows.Data.Xml.Dom.XmlDocument
                $xml.LoadXml([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($words[2])))
                $toast = New-Object Windows.UI.Notifications.ToastNotification -ArgumentList $xml
                $toast.Tag = $tag
                $toast.Group = $group
                Unregister-Event -SourceIdentifier "traytalk-$tag" -ErrorAction SilentlyContinue
                Register-ObjectEvent -InputObject $toast -EventName Activated -SourceIdentifier "traytalk-$tag" -MessageData $tag
                $notifier.Show($toast)
            } elseif ($words[0] -eq 'withdraw' -and $words.Count -eq 2) {
                $tag = $words[1]
                Unregister-Event -SourceIdentifier "traytalk-$tag" -ErrorAction SilentlyContinue
                [Windows.UI.Notifications.ToastNotificationManager]::History.Remove($tag, $group, $appId)
            }
        } catch {
            Say ('problem ' + (OneLine $_.Exception.Message))
        }
        $next = $stdin.ReadLineAsync()
    }
    foreach ($e in @(Get-Event)) {
        Say ('clicked ' + $e.MessageData)
        Remove-Event -EventIdentifier $e.EventIdentifier
    }
}

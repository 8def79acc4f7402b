; TrayTalk setup for Inno Setup 6. Built by installer/build-setup.sh:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=<folder with TrayTalk.exe, traytalkc.exe> /DIconFile=<traytalk.ico>
;        /DWizardImages=<folder with small-1.bmp, small-2.bmp, large-1.bmp, large-2.bmp>
;        [/DRuntimeDir=<a Windows Java runtime folder, bundled as {app}\runtime>] /O<output folder> traytalk.iss
; Installs for the current user by default; the first page offers all users (needs administrator rights).

#ifndef AppVersion
  #error Pass the version: /DAppVersion=x.y.z
#endif
#ifndef SourceDir
  #error Pass the folder with TrayTalk.exe and traytalkc.exe: /DSourceDir=...
#endif
#ifndef IconFile
  #error Pass the icon: /DIconFile=...\traytalk.ico
#endif
#ifndef WizardImages
  #error Pass the folder with the wizard's pictures: /DWizardImages=...
#endif

#define AppGuid "{CD2BCE6B-F756-4E60-BB3E-BB0979CE7159}"
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"
; the app creates this mutex and writes this Run value itself (autostart on/off): keep both names in step with it
#define AppMutexName "TrayTalkRunning"
#define RunValue "TrayTalk"
#define UdpRule "TrayTalk (UDP 42138)"
#define NetbiosRule "TrayTalk NetBIOS (UDP 137, 138)"

[Setup]
AppId={{#AppGuid}
AppName=TrayTalk
AppVersion={#AppVersion}
AppVerName=TrayTalk {#AppVersion}
AppPublisher=TrayTalk
AppComments=Serverless LAN messenger that lives in the system tray
VersionInfoVersion={#AppVersion}
VersionInfoProductName=TrayTalk
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription=TrayTalk Setup
DefaultDirName={code:DefaultAppDir}
DefaultGroupName=TrayTalk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; HKCU (autostart) is wanted in both modes: it is the user who runs setup
UsedUserAreasWarning=no
AppMutex={#AppMutexName}
SetupMutex=TrayTalkSetup
; the launchers and the jar's natives (JNA, SQLite) run on 32- and 64-bit Windows alike, with a matching Java
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=TrayTalk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\TrayTalk.exe
UninstallDisplayName=TrayTalk
WizardStyle=modern
WizardSmallImageFile={#WizardImages}\small-1.bmp,{#WizardImages}\small-2.bmp
WizardImageFile={#WizardImages}\large-1.bmp,{#WizardImages}\large-2.bmp
Compression=lzma2/max
; both launchers wrap the same 17 MB jar: a dictionary larger than one launcher stores it once (18 MB setup, not 34);
; ultra64 runs the 32-bit compiler out of memory
LZMADictionarySize=40960
SolidCompression=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "Start TrayTalk when I log on"; GroupDescription: "Startup:"
Name: "firewall"; Description: "Allow TrayTalk through Windows Firewall (UDP 42138; UDP 137 and 138 for NetBIOS)"; GroupDescription: "Network:"; Check: IsAdminInstallMode

[Files]
Source: "{#SourceDir}\TrayTalk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#SourceDir}\traytalkc.exe"; DestDir: "{app}"; Flags: ignoreversion
#ifdef RuntimeDir
; the launchers look in {app}\runtime before JAVA_HOME and PATH
Source: "{#RuntimeDir}\*"; DestDir: "{app}\runtime"; Flags: ignoreversion recursesubdirs createallsubdirs
#endif

[InstallDelete]
#ifndef RuntimeDir
; an earlier setup may have bundled a runtime: the launchers would still prefer it
Type: filesandordirs; Name: "{app}\runtime"
#endif

[Icons]
Name: "{autoprograms}\TrayTalk"; Filename: "{app}\TrayTalk.exe"; Comment: "LAN messenger"
Name: "{autodesktop}\TrayTalk"; Filename: "{app}\TrayTalk.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#RunValue}"; ValueData: """{app}\TrayTalk.exe"" --minimized"; Tasks: autostart; Flags: uninsdeletevalue

[Run]
; the app runs as javaw.exe behind the launcher, so the rules name ports rather than a program
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#UdpRule}"""; Flags: runhidden; Tasks: firewall; StatusMsg: "Configuring Windows Firewall..."
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#UdpRule}"" dir=in action=allow protocol=UDP localport=42138 profile=private,domain"; Flags: runhidden; Tasks: firewall
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#NetbiosRule}"""; Flags: runhidden; Tasks: firewall
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#NetbiosRule}"" dir=in action=allow protocol=UDP localport=137,138 profile=private,domain"; Flags: runhidden; Tasks: firewall
Filename: "{app}\TrayTalk.exe"; Description: "{cm:LaunchProgram,TrayTalk}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; a running TrayTalk says OFFLINE and exits (exit 0 also when none runs)
Filename: "{app}\traytalkc.exe"; Parameters: "quit"; Flags: runhidden waituntilterminated skipifdoesntexist; RunOnceId: "QuitTrayTalk"
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#UdpRule}"""; Flags: runhidden; RunOnceId: "DeleteUdpRule"; Check: IsAdminInstallMode
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#NetbiosRule}"""; Flags: runhidden; RunOnceId: "DeleteNetbiosRule"; Check: IsAdminInstallMode

[Code]
const
  UninstallKey = 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{#AppGuid}_is1';

{ The autopf folder: Program Files for all users, %LOCALAPPDATA%\Programs for one user. Wine has no per-user
  Program Files folder (FOLDERID_UserProgramFiles), so there the same folder is named by hand. }
function DefaultAppDir(Param: String): String;
begin
  try
    Result := ExpandConstant('{autopf}\TrayTalk');
  except
    Result := ExpandConstant('{localappdata}\Programs\TrayTalk');
  end;
end;

{ Asks a running TrayTalk in Dir to quit; does nothing when Dir holds no traytalkc.exe. }
procedure QuitTrayTalkIn(const Dir: String);
var
  Cli: String;
  ResultCode: Integer;
begin
  Cli := AddBackslash(Dir) + 'traytalkc.exe';
  if (Dir <> '') and FileExists(Cli) then
    Exec(Cli, 'quit', Dir, SW_HIDE, ewWaitUntilTerminated, ResultCode);
end;

{ Where an earlier TrayTalk was installed, for this user or for all users. }
function PreviousAppDir(): String;
begin
  Result := '';
  if not RegQueryStringValue(HKCU, UninstallKey, 'Inno Setup: App Path', Result) then
    if not RegQueryStringValue(HKLM, UninstallKey, 'Inno Setup: App Path', Result) then
      Result := '';
end;

function InitializeSetup(): Boolean;
begin
  { before the AppMutex check bothers the user: an upgrade closes the running TrayTalk itself }
  QuitTrayTalkIn(PreviousAppDir());
  Result := True;
end;

function PrepareToInstall(var NeedsRestart: Boolean): String;
begin
  QuitTrayTalkIn(ExpandConstant('{app}'));
  Result := '';
end;

function InitializeUninstall(): Boolean;
begin
  QuitTrayTalkIn(ExpandConstant('{app}'));
  Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
    { the app writes the same value when autostart is switched on in TrayTalk itself }
    RegDeleteValue(HKCU, '{#RunKey}', '{#RunValue}');
  if CurUninstallStep = usPostUninstall then
  begin
    { default and silent uninstall keep the history: it cannot be recovered }
    if (not UninstallSilent()) and
       (MsgBox('Also delete your TrayTalk message history and settings?' + #13#10#13#10 +
               'Choose No to keep them for a later installation.', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
    begin
      DelTree(ExpandConstant('{localappdata}\TrayTalk'), True, True, True);
      DelTree(ExpandConstant('{userappdata}\TrayTalk'), True, True, True);
    end;
  end;
end;

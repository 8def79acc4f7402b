; TrayTalk setup for Inno Setup 6. Built by installer/build-setup.sh:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=<folder with TrayTalk.exe, traytalkc.exe> /DIconFile=<traytalk.ico>
;        /DWizardImages=<folder with small-1.bmp, small-2.bmp, large-1.bmp, large-2.bmp>
;        /DUnzipTool=<unzip-runtime.exe> [/DRuntimeDir=<a Windows Java runtime folder> | /DNoRuntime]
;        /O<output folder> traytalk.iss
; Installs for the current user by default; the first page offers all users (needs administrator rights).
; The Java runtime the launchers need comes one of three ways (RuntimeMode):
;   download  (the default) Eclipse Temurin JRE 17, downloaded while installing and checked against the SHA-256
;             pinned in temurin-jre.iss, unpacked into {app}\runtime where the launchers look first;
;   bundled   /DRuntimeDir: that runtime folder is part of the setup and becomes {app}\runtime;
;   none      /DNoRuntime, or no checksum pinned in temurin-jre.iss: the setup looks for a Java 17 where the launchers
;             do; without one, a page says so and where to get it.
; Test builds only (installer/test-setup.sh): /DTestJreUrl=http://127.0.0.1:<port>/... /DTestJreSha256=...
; /DTestJreRelease=... download a stand-in from this machine instead; their setup is named ...-test-setup.exe.

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

#define SetupName "TrayTalk-" + AppVersion + "-setup"
#ifdef RuntimeDir
  #define RuntimeMode "bundled"
#elif defined(NoRuntime)
  #define RuntimeMode "none"
#else
  #include "temurin-jre.iss"
  #ifdef TestJreUrl
    ; the stand-in runtime of a test build comes from this machine only, and the setup's name says it is a test
    #if Copy(TestJreUrl, 1, 17) != "http://127.0.0.1:"
      #error TestJreUrl must start with http://127.0.0.1: (test builds download from this machine only)
    #endif
    #define JreUrl TestJreUrl
    #define JreSha256 LowerCase(TestJreSha256)
    #define JreRelease TestJreRelease
    #define SetupName "TrayTalk-" + AppVersion + "-test-setup"
  #else
    #define JreUrl TemurinUrl
    #define JreSha256 LowerCase(TemurinSha256)
    #define JreRelease TemurinRelease
  #endif
  #if JreSha256 == ""
    #pragma warning "No SHA-256 is pinned for Eclipse Temurin " + JreRelease + " in temurin-jre.iss: this setup does not download Java (it needs one installed)"
    #define RuntimeMode "none"
  #else
    #if Len(JreSha256) != 64
      #error The pinned SHA-256 in temurin-jre.iss must be 64 hex digits
    #endif
    #ifndef UnzipTool
      #error Pass the tool that unpacks the downloaded runtime: /DUnzipTool=...\unzip-runtime.exe
    #endif
    #define RuntimeMode "download"
  #endif
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
#if RuntimeMode == "download" && !defined(TestJreUrl)
; the Temurin it downloads is an x64 runtime (a test build's stand-in is a 32-bit program, for 32-bit Wine)
ArchitecturesAllowed=x64compatible
#endif
MinVersion=10.0
OutputBaseFilename={#SetupName}
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
#if RuntimeMode == "bundled"
; the launchers look in {app}\runtime before JAVA_HOME and PATH
Source: "{#RuntimeDir}\*"; DestDir: "{app}\runtime"; Flags: ignoreversion recursesubdirs createallsubdirs
#elif RuntimeMode == "download"
; unpacks the downloaded runtime (Inno Setup 6.4 unpacks only .7z archives); used while installing, not installed
Source: "{#UnzipTool}"; Flags: dontcopy
#endif

[InstallDelete]
#if RuntimeMode != "download"
; an earlier setup may have bundled or downloaded a runtime: the launchers would still prefer it (a bundled one is
; copied afresh)
Type: filesandordirs; Name: "{app}\runtime"
#endif

#if RuntimeMode == "download"
[UninstallDelete]
; the downloaded runtime is not one of the [Files]
Type: filesandordirs; Name: "{app}\runtime"
Type: filesandordirs; Name: "{app}\runtime.new"
Type: filesandordirs; Name: "{app}\runtime.old"
; the setup made {app} itself, before installing the files, to unpack the runtime there
Type: dirifempty; Name: "{app}"
#endif

[Icons]
; the AppUserModelID gives Windows toasts TrayTalk's name and icon (instead of Java's) and keeps them in the Action Center
Name: "{autoprograms}\TrayTalk"; Filename: "{app}\TrayTalk.exe"; Comment: "LAN messenger"; AppUserModelID: "TrayTalk.Messenger"
Name: "{autodesktop}\TrayTalk"; Filename: "{app}\TrayTalk.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#RunValue}"; ValueData: """{app}\TrayTalk.exe"" --minimized"; Tasks: autostart; Flags: uninsdeletevalue

[Run]
; the app runs as javaw.exe behind the launcher, so the rules name ports rather than a program
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#UdpRule}"""; Flags: runhidden; Tasks: firewall; StatusMsg: "Configuring Windows Firewall..."
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#UdpRule}"" dir=in action=allow protocol=UDP localport=42138 profile=private,domain"; Flags: runhidden; Tasks: firewall
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#NetbiosRule}"""; Flags: runhidden; Tasks: firewall
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#NetbiosRule}"" dir=in action=allow protocol=UDP localport=137,138 profile=private,domain"; Flags: runhidden; Tasks: firewall
; without Java the launcher could only say that it is missing: the Java page has said so already
Filename: "{app}\TrayTalk.exe"; Description: "{cm:LaunchProgram,TrayTalk}"; Flags: nowait postinstall skipifsilent; Check: JavaFound

[UninstallRun]
; a running TrayTalk says OFFLINE and exits (exit 0 also when none runs)
Filename: "{app}\traytalkc.exe"; Parameters: "quit"; Flags: runhidden waituntilterminated skipifdoesntexist; RunOnceId: "QuitTrayTalk"
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#UdpRule}"""; Flags: runhidden; RunOnceId: "DeleteUdpRule"; Check: IsAdminInstallMode
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#NetbiosRule}"""; Flags: runhidden; RunOnceId: "DeleteNetbiosRule"; Check: IsAdminInstallMode

[Code]
const
  { JreRelease, JreUrl, JreSha256: the runtime a download build fetches (temurin-jre.iss) }
#ifdef JreUrl
  JreRelease = '{#JreRelease}';
  JreUrl = '{#JreUrl}';
  JreSha256 = '{#JreSha256}';
#endif
  UninstallKey = 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{#AppGuid}_is1';
  JavaMinMajor = 17;
  JavaDownloadUrl = 'https://adoptium.net/temurin/releases/?version=17';

var
  JavaHome: String;   { the Java the launchers will find, or '' }
  JavaReport: String; { what the search found, for the log }
  TooOldJava: String; { the first Java found that is older than 17, described for the log }
  TooOldShort: String; { the same for the Java page: version and folder }
  JavaPage: TOutputMsgWizardPage;

{ The major version in a runtime's release file: JAVA_VERSION="17.0.9" gives 17, "1.8.0_392" gives 8; 0 when the
  file or the line is missing. }
function ReleaseMajor(const Home: String): Integer;
var
  Lines: TArrayOfString;
  I, P: Integer;
  V, Digits: String;
begin
  Result := 0;
  if not LoadStringsFromFile(AddBackslash(Home) + 'release', Lines) then
    Exit;
  for I := 0 to GetArrayLength(Lines) - 1 do
  begin
    V := Trim(Lines[I]);
    if Pos('JAVA_VERSION=', V) = 1 then
    begin
      Delete(V, 1, Length('JAVA_VERSION='));
      V := RemoveQuotes(Trim(V));
      if Pos('1.', V) = 1 then
        Delete(V, 1, 2);
      Digits := '';
      P := 1;
      while (P <= Length(V)) and (V[P] >= '0') and (V[P] <= '9') do
      begin
        Digits := Digits + V[P];
        P := P + 1;
      end;
      Result := StrToIntDef(Digits, 0);
      Exit;
    end;
  end;
end;

{ One place the launchers look for Java (launch4j: runtime folder, JAVA_HOME, PATH, then the JavaSoft registry
  keys). The first Java 17 or later wins; a runtime without a release file counts, as its version is unknown. }
procedure ConsiderJava(Home: String; const Source: String);
var
  Major: Integer;
begin
  if JavaHome <> '' then
    Exit;
  Home := RemoveBackslashUnlessRoot(RemoveQuotes(Trim(Home)));
  if (Home = '') or not FileExists(AddBackslash(Home) + 'bin\javaw.exe') then
    Exit;
  Major := ReleaseMajor(Home);
  if (Major = 0) or (Major >= JavaMinMajor) then
  begin
    JavaHome := Home;
    if Major = 0 then
      JavaReport := Format('a Java of unknown version found in %s (%s)', [Home, Source])
    else
      JavaReport := Format('Java %d found in %s (%s)', [Major, Home, Source]);
  end
  else if TooOldJava = '' then
  begin
    TooOldJava := Format('Java %d in %s (%s) is too old', [Major, Home, Source]);
    TooOldShort := Format('Java %d in %s', [Major, Home]);
  end;
end;

{ Every home registered under HKLM or HKCU\SOFTWARE\JavaSoft\<Key>\<version> as JavaHome. }
procedure ConsiderRegistry(const Root: Integer; const RootName: String);
var
  Keys, Versions: TArrayOfString;
  K, V: Integer;
  Home: String;
begin
  SetArrayLength(Keys, 4);
  Keys[0] := 'JDK';
  Keys[1] := 'JRE';
  Keys[2] := 'Java Development Kit';
  Keys[3] := 'Java Runtime Environment';
  for K := 0 to GetArrayLength(Keys) - 1 do
    if RegGetSubkeyNames(Root, 'SOFTWARE\JavaSoft\' + Keys[K], Versions) then
      for V := 0 to GetArrayLength(Versions) - 1 do
        if RegQueryStringValue(Root, 'SOFTWARE\JavaSoft\' + Keys[K] + '\' + Versions[V], 'JavaHome', Home) then
          ConsiderJava(Home, 'registry ' + RootName + '\SOFTWARE\JavaSoft\' + Keys[K] + '\' + Versions[V]);
end;

procedure FindJava();
#if RuntimeMode == "none"
var
  Path, Dir: String;
  P: Integer;
#endif
begin
  JavaHome := '';
  TooOldJava := '';
  TooOldShort := '';
#if RuntimeMode == "bundled"
  JavaHome := '{app}\runtime';
  JavaReport := 'the runtime bundled with this setup';
#elif RuntimeMode == "download"
  JavaHome := '{app}\runtime';
  JavaReport := 'Eclipse Temurin JRE ' + JreRelease + ', downloaded by this setup into {app}\runtime';
#else
  ConsiderJava(GetEnv('JAVA_HOME'), 'JAVA_HOME');
  { PATH names ...\bin folders: the runtime is the folder above }
  Path := GetEnv('PATH') + ';';
  while Path <> '' do
  begin
    P := Pos(';', Path);
    Dir := RemoveBackslashUnlessRoot(RemoveQuotes(Trim(Copy(Path, 1, P - 1))));
    Delete(Path, 1, P);
    if (Dir <> '') and FileExists(AddBackslash(Dir) + 'javaw.exe') then
      ConsiderJava(ExtractFileDir(Dir), 'PATH');
  end;
  if IsWin64 then
    ConsiderRegistry(HKLM64, 'HKLM');
  ConsiderRegistry(HKLM32, 'HKLM');
  ConsiderRegistry(HKCU, 'HKCU');
  if JavaHome = '' then
  begin
    JavaReport := 'no Java 17 or later found';
    if TooOldJava <> '' then
      JavaReport := JavaReport + '; ' + TooOldJava;
  end;
#endif
end;

function JavaFound(): Boolean;
begin
  Result := JavaHome <> '';
end;

#if RuntimeMode == "download"
  #include "runtime-download.iss"
#endif

procedure OpenJavaDownload(Sender: TObject);
var
  ErrorCode: Integer;
begin
  ShellExecAsOriginalUser('open', JavaDownloadUrl, '', '', SW_SHOWNORMAL, ewNoWait, ErrorCode);
end;

procedure InitializeWizard();
var
  Text: String;
  Link: TNewStaticText;
begin
  Text := 'TrayTalk runs on Java 17 or later, which this setup does not include.';
  if TooOldShort <> '' then
    Text := Text + ' This computer has ' + TooOldShort + ', which is too old.';
  Text := Text + #13#10#13#10 + 'You can install TrayTalk now. Before starting it, install Java, for example ' +
    'Eclipse Temurin (free), and keep its option that adds Java to the PATH. TrayTalk then starts from the ' +
    'Start menu, and at logon if you chose that.';
#if RuntimeMode == "download"
  CreateRuntimeDownloadPage();
#endif
  JavaPage := CreateOutputMsgPage(wpSelectTasks, 'Java is needed',
    'Java 17 or later was not found on this computer.', Text);
  Link := TNewStaticText.Create(JavaPage);
  Link.Parent := JavaPage.Surface;
  Link.Caption := 'Get Eclipse Temurin from adoptium.net';
  Link.Cursor := crHand;
  Link.Font.Color := clBlue;
  Link.Font.Style := [fsUnderline];
  Link.Top := JavaPage.MsgLabel.Top + JavaPage.MsgLabel.Height + ScaleY(16);
  Link.OnClick := @OpenJavaDownload;
end;

function ShouldSkipPage(PageID: Integer): Boolean;
begin
  Result := (PageID = JavaPage.ID) and JavaFound();
end;

procedure CurPageChanged(CurPageID: Integer);
begin
  if CurPageID = JavaPage.ID then
    Log('TrayTalk: the Java page is shown');
  if CurPageID = wpFinished then
    Log('TrayTalk: the last page is shown');
  if (CurPageID = wpFinished) and not JavaFound() then
  begin
    WizardForm.FinishedLabel.Caption := 'Setup has finished installing TrayTalk on your computer.' + #13#10#13#10 +
      'Install Java 17 or later (for example Eclipse Temurin from adoptium.net) before starting TrayTalk ' +
      'from the Start menu.' + #13#10#13#10 + 'Click Finish to exit Setup.';
    WizardForm.AdjustLabelHeight(WizardForm.FinishedLabel);
    Log('TrayTalk: finished without Java: no "Launch TrayTalk"');
  end;
end;

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
  FindJava();
  Log('TrayTalk: Java: ' + JavaReport);
  Result := True;
end;

function PrepareToInstall(var NeedsRestart: Boolean): String;
begin
  QuitTrayTalkIn(ExpandConstant('{app}'));
  Result := '';
#if RuntimeMode == "download"
  { after TrayTalk has quit: its runtime is replaced now }
  Result := InstallDownloadedRuntime();
#endif
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
#if RuntimeMode == "download"
  { also on silent installs, where Setup "clicks" Next itself: False there ends Setup }
  if CurPageID = wpReady then
    Result := DownloadRuntimeUnlessInPlace();
#endif
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
#if RuntimeMode == "download"
  if CurStep = ssPostInstall then
    KeepInstalledRuntime();
#endif
end;

procedure DeinitializeSetup();
begin
#if RuntimeMode == "download"
  RemoveRuntimeOfUnfinishedSetup();
#endif
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

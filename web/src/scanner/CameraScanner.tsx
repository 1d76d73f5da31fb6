// Camera scanning with @zxing/browser, loaded only when the counter asks for the camera (it is large).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CameraScanner({
  opened,
  onClose,
  onScan,
}: {
  opened: boolean;
  onClose: () => void;
  onScan: (code: string) => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    setError(null);
    void (async () => {
      try {
        const { BrowserMultiFormatReader } = await import('@zxing/browser');
        if (cancelled || !video.current) return;
        const reader = new BrowserMultiFormatReader();
        const controls = await reader.decodeFromVideoDevice(undefined, video.current, (result) => {
          if (result) {
            controls.stop();
            onScan(result.getText());
            onClose();
          }
        });
        stop = () => controls.stop();
        if (cancelled) stop();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [opened, onScan, onClose]);

  return (
    <Modal opened={opened} onClose={onClose} title={t('scan.camera')} fullScreen>
      <Stack>
        {error && (
          <Alert color="red">
            {t('scan.cameraError')}: {error}
          </Alert>
        )}
        <video ref={video} style={{ width: '100%', background: '#000', borderRadius: 8 }} muted playsInline />
        <Button size="lg" variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}
